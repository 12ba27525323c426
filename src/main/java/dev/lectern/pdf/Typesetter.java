package dev.lectern.pdf;

import dev.lectern.pdf.LineBreaker.Fragment;
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
 * A small typesetter on A4 pages: headings, paragraphs of styled runs and pictures (formulas, images) broken into
 * lines, bullet and numbered items, code lines, tables, images scaled to fit, ruled lines for writing, page breaks
 * when a page is full (never right after a heading or label kept with what follows), and page numbers in a footer
 * once everything is laid out. Text is real text in embedded fonts, so it can be selected and searched.
 */
final class Typesetter implements AutoCloseable {

    /** A piece of text in one face, or a picture set in the line like a word (then the text is empty). */
    record Run(String text, Face face, Box box) {
        Run(String text, Face face) {
            this(text, face, null);
        }

        static Run box(Box box) {
            return new Run("", Face.REGULAR, box);
        }

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

    /**
     * A picture in the text: a formula or an image, its size in points and how far it reaches below the baseline.
     * One that is {@code ownLine} takes a line to itself ({@code centred} or at the indent); any is scaled down to
     * fit the line.
     */
    record Box(PDImageXObject image, float width, float height, float depth, boolean ownLine, boolean centred) {
        Box fitting(float maxWidth, float maxHeight) {
            float scale = Math.min(1f, Math.min(maxWidth / width, maxHeight / height));
            return scale >= 1f ? this : new Box(image, width * scale, height * scale, depth * scale, ownLine, centred);
        }
    }

    /** Something written to the typesetter, for {@link #keepWithNext}. */
    @FunctionalInterface
    interface Block {
        void write() throws IOException;
    }

    static final float BODY = 10f;
    static final float SMALL = 8.5f;
    /** The tallest an image is drawn, in points: about a third of the page. */
    static final float IMAGE_MAX_HEIGHT = 300f;
    private static final float LEADING = 1.38f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56f;
    private static final float FOOTER = 30f;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 10f;
    private static final float LEFT = MARGIN;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float MAX_BOX_HEIGHT = (TOP - BOTTOM) * 0.8f;

    private final PDDocument doc;
    private final PdfFonts fonts;
    private final LineBreaker breaker;
    private final String footerTitle;
    private PDPageContentStream content;
    private float y;
    private boolean pageEmpty = true;
    /** Lines written under {@link #keepWithNext}, not drawn until what follows is known to fit below them. */
    private final List<Line> held = new ArrayList<>();
    private float heldGap;
    private boolean holding;

    Typesetter(PDDocument doc, PdfFonts fonts, String footerTitle) {
        this.doc = doc;
        this.fonts = fonts;
        this.breaker = new LineBreaker(fonts, MAX_BOX_HEIGHT);
        this.footerTitle = footerTitle;
    }

    PdfFonts fonts() {
        return fonts;
    }

    LineBreaker lineBreaker() {
        return breaker;
    }

    // ---- blocks ----

    void heading(String text, int level) throws IOException {
        float size = switch (level) {
            case 1 -> 18f;
            case 2 -> 14f;
            case 3 -> 12f;
            default -> 10.5f;
        };
        space(level == 1 ? 0f : level == 2 ? 14f : 9f);
        keepWithNext(() -> paragraph(List.of(Run.bold(text)), 0, size));
        space(level <= 2 ? 4f : 2f);
    }

    /**
     * Writes {@code block} (a heading, a label such as "Answer", a question's prompt) so that it is never the last
     * thing on a page: it is drawn only with what comes next, and when the two do not fit together (the first two
     * lines of a paragraph, a whole image, a table's header and first row) both start a new page.
     */
    void keepWithNext(Block block) throws IOException {
        boolean was = holding;
        holding = true;
        try {
            block.write();
        } finally {
            holding = was;
        }
    }

    /** A paragraph of runs, broken into lines, indented by {@code indent} points. */
    void paragraph(List<Run> runs, float indent, float size) throws IOException {
        List<List<Fragment>> lines = breaker.breakLines(breaker.fragments(runs, size), WIDTH - indent, size);
        keepFirstLines(lines, size);
        for (List<Fragment> line : lines) {
            put(new Line(line, indent, size, null, 0, 0));
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
        List<List<Fragment>> lines = breaker.breakLines(breaker.fragments(runs, size), WIDTH - indent - column, size);
        if (lines.isEmpty()) {
            lines = List.of(List.of());
        }
        keepFirstLines(lines, size);
        Fragment markerFragment = new Fragment(m, Face.REGULAR, false, markerWidth, null);
        boolean first = true;
        for (List<Fragment> line : lines) {
            put(new Line(line, indent + column, size, first ? markerFragment : null, indent, 0));
            first = false;
        }
    }

    /** Lines of code in the monospaced face, kept as they are (long ones wrap at any character). */
    void code(String text, float indent) throws IOException {
        float size = 8.5f;
        boolean first = true;
        for (String raw : text.replace("\r", "").split("\n", -1)) {
            List<Fragment> fragments = new ArrayList<>();
            String clean = fonts.clean(raw.replace("\t", "    "), Face.MONO);
            fragments.add(new Fragment(clean, Face.MONO, false, fonts.width(clean, Face.MONO, size), null));
            List<List<Fragment>> lines = breaker.breakLines(fragments, WIDTH - indent, size);
            if (first) {
                keepFirstLines(lines, size);
                first = false;
            }
            for (List<Fragment> line : lines) {
                put(new Line(line, indent, size, null, 0, 0));
            }
            if (clean.isEmpty()) {
                space(size * LEADING);
            }
        }
        space(BODY * 0.5f);
    }

    /** An image scaled to fit the width and at most {@code maxHeight} points high (never enlarged past 1 px = 0.75 pt). */
    void image(PDImageXObject image, float indent, float maxHeight) throws IOException {
        Box box = imageBox(image, false).fitting(WIDTH - indent, maxHeight);
        ensure(box.height() + 6f);
        content.drawImage(image, LEFT + indent, y - box.height(), box.width(), box.height());
        y -= box.height() + 6f;
        pageEmpty = false;
    }

    /** An image as a box at 1 px = 0.75 pt, to set on a line of its own. */
    static Box imageBox(PDImageXObject image, boolean centred) {
        return new Box(image, image.getWidth() * 0.75f, image.getHeight() * 0.75f, 0f, true, centred);
    }

    /** Ruled lines to write an answer on. */
    void ruled(int lines, float indent) throws IOException {
        float gap = 20f;
        for (int i = 0; i < lines; i++) {
            ensure(i == 0 && !held.isEmpty() ? 2 * gap : gap);
            y -= gap;
            rule(LEFT + indent, LEFT + WIDTH, 0.7f, 0.5f);
        }
        space(BODY * 0.5f);
    }

    /** A thin horizontal rule across the text width. */
    void rule() throws IOException {
        ensure(10f);
        y -= 5f;
        rule(LEFT, LEFT + WIDTH, 0.75f, 0.6f);
        y -= 5f;
    }

    void space(float points) {
        if (holding || !held.isEmpty()) {
            heldGap += points;
        } else if (!pageEmpty) {
            y -= points;
        }
    }

    /** Starts a new page, unless the current one is still empty. */
    void pageBreak() throws IOException {
        release(0);
        if (content != null && !pageEmpty) {
            newPage();
        }
    }

    /**
     * A table: rows of cells, each cell a list of runs, the first {@code headerRows} rows the header. Columns share
     * the width by how much text they hold; cell text wraps within its column; a table that does not fit on the page
     * continues on the next, under its header again.
     */
    void table(List<List<List<Run>>> rows, int headerRows, float indent) throws IOException {
        TableLayout layout = TableLayout.of(this, rows, headerRows, WIDTH - indent);
        if (layout == null) {
            return;
        }
        int firstBody = Math.min(headerRows, rows.size() - 1);
        ensure(layout.headerHeight() + (firstBody >= headerRows ? layout.height(firstBody) : 0));
        tableHeader(layout, indent);
        boolean onlyHeader = true;
        for (int r = headerRows; r < rows.size(); r++) {
            // A row taller than a page is drawn under the header anyway: breaking again would loop.
            if (y - layout.height(r) < BOTTOM && !onlyHeader) {
                newPage();
                tableHeader(layout, indent);
            }
            boolean last = r == rows.size() - 1;
            tableRow(layout, r, indent, last ? 0.45f : 0.8f, last ? 0.7f : 0.4f);
            onlyHeader = false;
        }
        space(BODY * 0.6f);
    }

    private void tableHeader(TableLayout layout, float indent) throws IOException {
        rule(LEFT + indent, LEFT + indent + layout.totalWidth(), 0.45f, 0.7f);
        for (int h = 0; h < layout.headerRows(); h++) {
            tableRow(layout, h, indent, h == layout.headerRows() - 1 ? 0.45f : 0.8f, 0.6f);
        }
    }

    private void tableRow(TableLayout layout, int row, float indent, float grey, float lineWidth) throws IOException {
        float top = y;
        float x = LEFT + indent;
        for (int c = 0; c < layout.columns(); c++) {
            float lineTop = top - TableLayout.PAD_Y;
            for (List<Fragment> line : layout.cell(row, c)) {
                float ascent = ascent(line, BODY);
                drawFragments(line, x + TableLayout.PAD_X, lineTop - ascent, BODY);
                lineTop -= ascent + descent(line, BODY);
            }
            x += layout.width(c);
        }
        y = top - layout.height(row);
        rule(LEFT + indent, LEFT + indent + layout.totalWidth(), grey, lineWidth);
    }

    private void rule(float from, float to, float grey, float lineWidth) throws IOException {
        content.setStrokingColor(grey, grey, grey);
        content.setLineWidth(lineWidth);
        content.moveTo(from, y);
        content.lineTo(to, y);
        content.stroke();
        content.setStrokingColor(0f, 0f, 0f);
        pageEmpty = false;
    }

    /** Writes "title · page N of M" at the foot of every page; call once, after everything else. */
    void footers() throws IOException {
        release(0);
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

    /** A line ready to draw, with its list marker if it is an item's first, and the space to leave above it. */
    private record Line(List<Fragment> fragments, float indent, float size, Fragment marker, float markerIndent,
            float gapBefore) {
    }

    /** Height from the top of the line to its baseline: the text's size, or a taller formula's. */
    float ascent(List<Fragment> line, float size) {
        float ascent = size;
        for (Fragment f : line) {
            if (f.box() != null) {
                // An inline formula's image has a transparent point of margin, which may reach into the leading.
                float pad = f.box().ownLine() ? size * 0.4f : -1f;
                ascent = Math.max(ascent, f.box().height() - f.box().depth() + pad);
            }
        }
        return ascent;
    }

    /** Height below the baseline, to the top of the next line. */
    float descent(List<Fragment> line, float size) {
        float descent = size * (LEADING - 1f);
        for (Fragment f : line) {
            if (f.box() != null) {
                float pad = f.box().ownLine() ? size * 0.6f : size * 0.15f - 1f;
                descent = Math.max(descent, f.box().depth() + pad);
            }
        }
        return descent;
    }

    /** A line held under {@link #keepWithNext}, or drawn on this page if it fits, else on a new one. */
    private void put(Line line) throws IOException {
        if (holding) {
            held.add(new Line(line.fragments(), line.indent(), line.size(), line.marker(), line.markerIndent(),
                    heldGap));
            heldGap = 0;
            return;
        }
        ensure(ascent(line.fragments(), line.size()) + descent(line.fragments(), line.size()));
        draw(line);
    }

    /** Before the first lines of a block: what is held must fit together with them (two lines, or one if single). */
    private void keepFirstLines(List<List<Fragment>> lines, float size) throws IOException {
        if (held.isEmpty() || holding || lines.isEmpty()) {
            return;
        }
        float height = 0;
        for (List<Fragment> line : lines.subList(0, Math.min(2, lines.size()))) {
            height += ascent(line, size) + descent(line, size);
        }
        ensure(height);
    }

    private void draw(Line line) throws IOException {
        float ascent = ascent(line.fragments(), line.size());
        float baseline = y - ascent;
        if (line.marker() != null) {
            drawFragments(List.of(line.marker()), LEFT + line.markerIndent(), baseline, line.size());
        }
        float x = LEFT + line.indent();
        List<Fragment> fragments = line.fragments();
        if (fragments.size() == 1 && fragments.get(0).box() != null && fragments.get(0).box().centred()) {
            x += Math.max(0, (WIDTH - line.indent() - fragments.get(0).width()) / 2);
        }
        drawFragments(fragments, x, baseline, line.size());
        y = baseline - descent(fragments, line.size());
        pageEmpty = false;
    }

    /** Text in runs of one face, with the boxes drawn in between on the baseline; x advances by what is shown. */
    private void drawFragments(List<Fragment> line, float x, float baseline, float size) throws IOException {
        StringBuilder pending = new StringBuilder();
        Face current = null;
        boolean inText = false;
        for (int i = 0; i < line.size(); i++) {
            Fragment f = line.get(i);
            boolean space = f.spaceBefore() && i > 0;
            if (f.box() != null) {
                if (inText) {
                    x += show(pending, current, size);
                    content.endText();
                    inText = false;
                }
                x += space ? breaker.spaceWidth(size) : 0;
                content.drawImage(f.box().image(), x, baseline - f.box().depth(), f.box().width(), f.box().height());
                x += f.box().width();
                continue;
            }
            if (!inText) {
                x += space ? breaker.spaceWidth(size) : 0;
                space = false;
                content.beginText();
                content.newLineAtOffset(x, baseline);
                inText = true;
                current = null;
            }
            if (f.face() != current) {
                x += show(pending, current, size);
                current = f.face();
                content.setFont(fonts.font(current), size);
            }
            pending.append(space ? " " : "").append(f.text());
        }
        if (inText) {
            show(pending, current, size);
            content.endText();
        }
    }

    /** Shows and empties {@code pending}; returns its width. */
    private float show(StringBuilder pending, Face face, float size) throws IOException {
        if (pending.length() == 0) {
            return 0;
        }
        String text = pending.toString();
        content.showText(text);
        pending.setLength(0);
        return fonts.width(text, face, size);
    }

    /** Makes sure {@code height} points are left on the page, starting a new one if not. */
    private void ensure(float height) throws IOException {
        if (!held.isEmpty()) {
            release(height);
        }
        if (content == null || (y - height < BOTTOM && !pageEmpty)) {
            newPage();
        }
    }

    /** Draws the held lines, first starting a new page unless they and {@code next} points fit on this one. */
    private void release(float next) throws IOException {
        if (held.isEmpty()) {
            heldGap = 0;
            return;
        }
        List<Line> lines = new ArrayList<>(held);
        float gapAfter = heldGap;
        held.clear();
        heldGap = 0;
        float total = next + gapAfter;
        for (Line line : lines) {
            total += line.gapBefore() + ascent(line.fragments(), line.size()) + descent(line.fragments(), line.size());
        }
        if (content == null || (y - total < BOTTOM && !pageEmpty)) {
            newPage();
        }
        for (Line line : lines) {
            space(line.gapBefore());
            put(line);
        }
        space(gapAfter);
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
