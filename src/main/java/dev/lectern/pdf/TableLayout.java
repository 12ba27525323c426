package dev.lectern.pdf;

import dev.lectern.pdf.LineBreaker.Fragment;
import dev.lectern.pdf.Typesetter.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a table sits in the text width: each column as wide as its text on one line when the whole table fits,
 * otherwise at least its longest word and a share of the rest by how much more text it holds; then each cell's text
 * broken into lines within its column, and each row as high as its tallest cell.
 */
final class TableLayout {

    static final float PAD_X = 4f;
    static final float PAD_Y = 3f;

    private final int headerRows;
    private final float[] widths;
    private final List<List<List<List<Fragment>>>> cells;
    private final float[] heights;

    private TableLayout(int headerRows, float[] widths, List<List<List<List<Fragment>>>> cells, float[] heights) {
        this.headerRows = headerRows;
        this.widths = widths;
        this.cells = cells;
        this.heights = heights;
    }

    /** The layout of {@code rows} (cells of runs, rows may be short) in {@code available} points, or null if empty. */
    static TableLayout of(Typesetter out, List<List<List<Run>>> rows, int headerRows, float available)
            throws IOException {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        if (columns == 0) {
            return null;
        }
        LineBreaker breaker = out.lineBreaker();
        float size = Typesetter.BODY;
        float space = breaker.spaceWidth(size);
        float[] natural = new float[columns];
        float[] minimum = new float[columns];
        List<List<List<Fragment>>> words = new ArrayList<>();
        for (List<List<Run>> row : rows) {
            List<List<Fragment>> rowWords = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                List<Fragment> cell = c < row.size() ? breaker.fragments(row.get(c), size) : List.of();
                float line = 0;
                for (Fragment f : cell) {
                    line += (f.spaceBefore() && line > 0 ? space : 0) + f.width();
                    minimum[c] = Math.max(minimum[c], f.width() + 2 * PAD_X);
                }
                natural[c] = Math.max(natural[c], line + 2 * PAD_X);
                rowWords.add(cell);
            }
            words.add(rowWords);
        }
        float[] widths = split(natural, minimum, available);
        List<List<List<List<Fragment>>>> cells = new ArrayList<>();
        float[] heights = new float[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<List<List<Fragment>>> rowLines = new ArrayList<>();
            float tallest = size * 1.38f;
            for (int c = 0; c < columns; c++) {
                List<List<Fragment>> lines = breaker.breakLines(words.get(r).get(c), widths[c] - 2 * PAD_X, size);
                float height = 0;
                for (List<Fragment> line : lines) {
                    height += out.ascent(line, size) + out.descent(line, size);
                }
                tallest = Math.max(tallest, height);
                rowLines.add(lines);
            }
            cells.add(rowLines);
            heights[r] = tallest + 2 * PAD_Y;
        }
        return new TableLayout(Math.min(headerRows, rows.size()), widths, cells, heights);
    }

    /**
     * Column widths: the natural ones if they fit; else each column its minimum and the rest of the width shared by
     * how much more each wants; when even the minimums do not fit, the width shared in their proportion (long words
     * are then cut at characters).
     */
    static float[] split(float[] natural, float[] minimum, float available) {
        int n = natural.length;
        float[] widths = new float[n];
        float sumNatural = 0;
        float sumMinimum = 0;
        for (int c = 0; c < n; c++) {
            sumNatural += natural[c];
            sumMinimum += minimum[c];
        }
        for (int c = 0; c < n; c++) {
            if (sumNatural <= available) {
                widths[c] = natural[c];
            } else if (sumMinimum >= available || sumNatural <= sumMinimum) {
                widths[c] = available * (sumMinimum > 0 ? minimum[c] / sumMinimum : 1f / n);
            } else {
                widths[c] = minimum[c] + (available - sumMinimum) * (natural[c] - minimum[c])
                        / (sumNatural - sumMinimum);
            }
        }
        return widths;
    }

    int headerRows() {
        return headerRows;
    }

    int columns() {
        return widths.length;
    }

    float width(int column) {
        return widths[column];
    }

    float totalWidth() {
        float sum = 0;
        for (float w : widths) {
            sum += w;
        }
        return sum;
    }

    float height(int row) {
        return heights[row];
    }

    float headerHeight() {
        float sum = 0;
        for (int r = 0; r < headerRows; r++) {
            sum += heights[r];
        }
        return sum;
    }

    /** The lines of one cell. */
    List<List<Fragment>> cell(int row, int column) {
        return cells.get(row).get(column);
    }
}
