package dev.lectern.pdf;

import dev.lectern.pdf.PdfFonts.Face;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A small typesetter on A4 pages: headings, paragraphs of styled runs broken into lines, bullet and numbered items,
 * code lines, images scaled to fit, ruled lines for writing, page breaks when a page is full, and page numbers in
 * a footer once everything is laid out. Text is real text in embedded fonts, so it can be selected and searched.
 */
final class Typesetter implements AutoCloseable {

    /** A piece of text in one face. */
    record Run(String text, Face face) {
        static Run of(String text) {
            return new Run(text, Face.REGULAR);
        }

        static Run bold(String text) {
            return new Run(text, Face.BOLD);
        }

        static Run italic(String text) {
            return new Run(text, Face.ITALIC);
        }
    }

    static final float BODY = 10f;
    static final float SMALL = 8.5f;
    private static final float LEADING = 1.38f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56f;
    private static final float FOOTER = 30f;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 10f;
    private static final float LEFT = MARGIN;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    private final PDDocument doc;
    private final PdfFonts fonts;
    private final String footerTitle;
    private PDPageContentStream content;
    private float y;
    private boolean pageEmpty = true;

    Typesetter(PDDocument doc, PdfFonts fonts, String footerTitle) {
        this.doc = doc;
        this.fonts = fonts;
        this.footerTitle = footerTitle;
    }

    PdfFonts fonts() {
        return fonts;
    }

    // ---- blocks ----

    void heading(String text, int level) throws IOException {
        float size = switch (level) {
            case 1 -> 18f;
            case 2 -> 14f;
            case 3 -> 12f;
            default -> 10.5f;
        };
        float before = level == 1 ? 0f : level == 2 ? 14f : 9f;
        space(before);
        // Keep the heading with at least a few lines of what follows.
        ensure(size * LEADING * 2 + BODY * LEADING * 3);
        paragraph(List.of(Run.bold(text)), 0, size);
        space(level <= 2 ? 4f : 2f);
    }

    /** A paragraph of runs, broken into lines, indented by {@code indent} points. */
    void paragraph(List<Run> runs, float indent, float size) throws IOException {
        List<List<Fragment>> lines = breakLines(fragments(runs, size), WIDTH - indent, size);
        for (List<Fragment> line : lines) {
            line(line, indent, size);
        }
    }

    void paragraph(List<Run> runs) throws IOException {
        paragraph(runs, 0, BODY);
        space(BODY * 0.5f);
    }

    /**
     * A list item: {@code marker} ("•", "3.") hanging at {@code indent}, the runs at {@code indent} + the marker's
     * column.
     */
    void item(String marker, List<Run> runs, float indent, float size) throws IOException {
        String m = fonts.clean(marker, Face.REGULAR);
        float markerWidth = fonts.width(m, Face.REGULAR, size);
        float column = Math.max(14f, markerWidth + 5f);
        List<List<Fragment>> lines = breakLines(fragments(runs, size), WIDTH - indent - column, size);
        if (lines.isEmpty()) {
            lines = List.of(List.of());
        }
        boolean first = true;
        for (List<Fragment> line : lines) {
            if (first) {
                ensure(size * LEADING);
                text(List.of(new Fragment(m, Face.REGULAR, false, markerWidth)), LEFT + indent, y - size, size);
                first = false;
            }
            line(line, indent + column, size);
        }
    }

    /** Lines of code in the monospaced face, kept as they are (long ones wrap at any character). */
    void code(String text, float indent) throws IOException {
        float size = 8.5f;
        for (String raw : text.replace("\r", "").split("\n", -1)) {
            List<Fragment> fragments = new ArrayList<>();
            String clean = fonts.clean(raw.replace("\t", "    "), Face.MONO);
            fragments.add(new Fragment(clean, Face.MONO, false, fonts.width(clean, Face.MONO, size)));
            for (List<Fragment> line : breakLines(fragments, WIDTH - indent, size)) {
                line(line, indent, size);
            }
            if (clean.isEmpty()) {
                space(size * LEADING);
            }
        }
        space(BODY * 0.5f);
    }

    /** An image scaled to fit the width and at most {@code maxHeight} points high (never enlarged past 1 px = 0.75 pt). */
    void image(PDImageXObject image, float indent, float maxHeight) throws IOException {
        float w = image.getWidth() * 0.75f;
        float h = image.getHeight() * 0.75f;
        float scale = Math.min(1f, Math.min((WIDTH - indent) / w, maxHeight / h));
        w *= scale;
        h *= scale;
        ensure(h + 6f);
        content.drawImage(image, LEFT + indent, y - h, w, h);
        y -= h + 6f;
        pageEmpty = false;
    }

    /** Ruled lines to write an answer on. */
    void ruled(int lines, float indent) throws IOException {
        float gap = 20f;
        for (int i = 0; i < lines; i++) {
            ensure(gap);
            y -= gap;
            content.setStrokingColor(0.7f, 0.7f, 0.7f);
            content.setLineWidth(0.5f);
            content.moveTo(LEFT + indent, y);
            content.lineTo(LEFT + WIDTH, y);
            content.stroke();
            content.setStrokingColor(0f, 0f, 0f);
            pageEmpty = false;
        }
        space(BODY * 0.5f);
    }

    /** A thin horizontal rule across the text width. */
    void rule() throws IOException {
        ensure(10f);
        y -= 5f;
        content.setStrokingColor(0.75f, 0.75f, 0.75f);
        content.setLineWidth(0.6f);
        content.moveTo(LEFT, y);
        content.lineTo(LEFT + WIDTH, y);
        content.stroke();
        content.setStrokingColor(0f, 0f, 0f);
        y -= 5f;
        pageEmpty = false;
    }

    void space(float points) {
        if (!pageEmpty) {
            y -= points;
        }
    }

    /** Starts a new page, unless the current one is still empty. */
    void pageBreak() throws IOException {
        if (content != null && !pageEmpty) {
            newPage();
        }
    }

    /** Writes "title · page N of M" at the foot of every page; call once, after everything else. */
    void footers() throws IOException {
        close();
        int count = doc.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String left = fonts.clean(footerTitle, Face.REGULAR);
                String right = "page " + (i + 1) + " of " + count;
                float size = 8f;
                float maxLeft = WIDTH - fonts.width(right, Face.REGULAR, size) - 20f;
                while (!left.isEmpty() && fonts.width(left, Face.REGULAR, size) > maxLeft) {
                    left = left.substring(0, Math.max(0, left.length() - 2)).strip() + "…";
                    if (left.length() <= 2) {
                        break;
                    }
                }
                footer.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                footer.beginText();
                footer.setFont(fonts.font(Face.REGULAR), size);
                footer.newLineAtOffset(LEFT, FOOTER);
                footer.showText(left);
                footer.newLineAtOffset(WIDTH - fonts.width(right, Face.REGULAR, size), 0);
                footer.showText(right);
                footer.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    // ---- lines ----

    /** A word (or a piece of one) in one face, and whether a space comes before it. */
    private record Fragment(String text, Face face, boolean spaceBefore, float width) {
    }

    private List<Fragment> fragments(List<Run> runs, float size) throws IOException {
        List<Fragment> out = new ArrayList<>();
        boolean space = false;
        for (Run run : runs) {
            String text = fonts.clean(run.text(), run.face());
            int i = 0;
            while (i < text.length()) {
                if (text.charAt(i) == ' ') {
                    space = true;
                    i++;
                    continue;
                }
                int end = text.indexOf(' ', i);
                if (end < 0) {
                    end = text.length();
                }
                String word = text.substring(i, end);
                out.add(new Fragment(word, run.face(), space, fonts.width(word, run.face(), size)));
                space = false;
                i = end;
            }
        }
        return out;
    }

    private List<List<Fragment>> breakLines(List<Fragment> fragments, float width, float size) throws IOException {
        List<List<Fragment>> lines = new ArrayList<>();
        List<Fragment> line = new ArrayList<>();
        float used = 0;
        float space = fonts.width(" ", Face.REGULAR, size);
        for (Fragment f : fragments) {
            float gap = line.isEmpty() || !f.spaceBefore() ? 0 : space;
            if (!line.isEmpty() && used + gap + f.width() > width) {
                // A word glued to the previous one (no space) moves with it only if that fits; otherwise break here.
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
                gap = 0;
                f = new Fragment(f.text(), f.face(), false, f.width());
            }
            if (line.isEmpty() && f.width() > width) {
                // Longer than a line (a URL, say): cut it at characters.
                String rest = f.text();
                while (!rest.isEmpty()) {
                    int n = fitting(rest, f.face(), size, width);
                    String piece = rest.substring(0, n);
                    rest = rest.substring(n);
                    Fragment part = new Fragment(piece, f.face(), false, fonts.width(piece, f.face(), size));
                    if (rest.isEmpty()) {
                        line.add(part);
                        used = part.width();
                    } else {
                        lines.add(List.of(part));
                    }
                }
                continue;
            }
            line.add(f);
            used += gap + f.width();
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    /** How many characters of {@code text} (at least one code point) fit in {@code width}. */
    private int fitting(String text, Face face, float size, float width) throws IOException {
        int n = text.offsetByCodePoints(0, 1);
        while (n < text.length()) {
            int next = text.offsetByCodePoints(n, 1);
            if (fonts.width(text.substring(0, next), face, size) > width) {
                break;
            }
            n = next;
        }
        return n;
    }

    private void line(List<Fragment> line, float indent, float size) throws IOException {
        float height = size * LEADING;
        ensure(height);
        text(line, LEFT + indent, y - size, size);
        y -= height;
        pageEmpty = false;
    }

    private void text(List<Fragment> line, float x, float baseline, float size) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        content.beginText();
        content.newLineAtOffset(x, baseline);
        Face current = null;
        StringBuilder pending = new StringBuilder();
        for (Fragment f : line) {
            if (f.face() != current) {
                if (pending.length() > 0) {
                    content.showText(pending.toString());
                    pending.setLength(0);
                }
                current = f.face();
                content.setFont(fonts.font(current), size);
            }
            if (f.spaceBefore() && f != line.get(0)) {
                pending.append(' ');
            }
            pending.append(f.text());
        }
        if (pending.length() > 0) {
            content.showText(pending.toString());
        }
        content.endText();
    }

    /** Makes sure {@code height} points are left on the page, starting a new one if not. */
    private void ensure(float height) throws IOException {
        if (content == null || (y - height < BOTTOM && !pageEmpty)) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        content = new PDPageContentStream(doc, page);
        y = TOP;
        pageEmpty = true;
    }
}
