package dev.lectern.interchange.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's text stripper, sorted by position, collecting one page's lines with their place and font size instead
 * of writing text. A gap wider than {@link #COLUMN_GAP} font sizes inside a line (the gutter between two columns)
 * ends the line there and starts another. One per thread (like the document it reads).
 */
final class LineStripper extends PDFTextStripper {

    private int pageIndex;
    private float pageHeight;
    private List<TextLine> lines;
    private final StringBuilder text = new StringBuilder();
    /** A gap inside a line at least this many times the font size is a gutter between columns, not a space. */
    static final float COLUMN_GAP = 1.5f;

    private float x;
    private float right;
    private float top;
    private float bottom;
    private float size;
    private float lineHeight;

    LineStripper() {
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    /** The lines of page {@code pageIndex} (0-based) in reading order. */
    List<TextLine> lines(PDDocument document, int pageIndex) throws IOException {
        this.pageIndex = pageIndex;
        this.lines = new ArrayList<>();
        reset();
        writeText(document, Writer.nullWriter());
        endLine();
        List<TextLine> out = lines;
        lines = null;
        return out;
    }

    /** Only the one page: the stripper would otherwise walk the whole page tree for every page. */
    @Override
    protected void processPages(PDPageTree pages) throws IOException {
        PDPage page = pages.get(pageIndex);
        PDRectangle box = page.getCropBox();
        pageHeight = box.getHeight();
        if (page.hasContents()) {
            processPage(page);
        }
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) {
        if (text.length() > 0 && !positions.isEmpty()) {
            TextPosition first = positions.get(0);
            float s = first.getFontSizeInPt() > 0.5f ? first.getFontSizeInPt() : first.getHeightDir();
            if (first.getXDirAdj() - right > Math.max(size, s) * COLUMN_GAP) {
                endLine();
            }
        }
        if (text.length() == 0) {
            x = Float.MAX_VALUE;
            right = -Float.MAX_VALUE;
            top = Float.MAX_VALUE;
            bottom = -Float.MAX_VALUE;
            size = 0;
            lineHeight = 0;
        }
        text.append(string);
        for (TextPosition p : positions) {
            float fontSize = p.getFontSizeInPt();
            float height = p.getHeightDir();
            float s = fontSize > 0.5f ? fontSize : height;
            x = Math.min(x, p.getXDirAdj());
            right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
            bottom = Math.max(bottom, p.getYDirAdj());
            top = Math.min(top, p.getYDirAdj() - Math.max(height, s * 0.7f));
            size = Math.max(size, s);
            // The height of the page as the text stands upright on it (positions are adjusted to the text's direction).
            float dir = p.getDir();
            lineHeight = dir == 90 || dir == 270 ? p.getPageWidth() : p.getPageHeight();
        }
    }

    @Override
    protected void writeString(String string) {
        // Page and paragraph separators: lines are what counts here.
    }

    @Override
    protected void writeWordSeparator() {
        if (text.length() > 0) {
            text.append(' ');
        }
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    private void endLine() {
        if (lines != null && !text.toString().isBlank()) {
            float left = x == Float.MAX_VALUE ? 0 : x;
            lines.add(new TextLine(text.toString().strip(), left, Math.max(left, right), top == Float.MAX_VALUE ? 0 : top,
                    bottom == -Float.MAX_VALUE ? 0 : bottom, size, lineHeight > 0 ? lineHeight : pageHeight));
        }
        reset();
    }

    private void reset() {
        text.setLength(0);
    }
}
