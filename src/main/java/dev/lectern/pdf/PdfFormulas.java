package dev.lectern.pdf;

import dev.lectern.pdf.Typesetter.Box;
import dev.lectern.render.FormulaDrawing;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The formulas of one document, typeset by JLaTeXMath at four pixels to the point and embedded as lossless images
 * (each formula once, however often it appears), sized to set in a line of text; a formula that cannot be drawn is
 * remembered, so the export can say which ones print as their source.
 */
final class PdfFormulas {

    /** Pixels per point: sharp at 288 dpi, which is print quality. */
    static final int SCALE = 4;
    /** Computer Modern looks smaller than DejaVu at the same size. */
    private static final float RELATIVE_SIZE = 1.12f;

    private final PDDocument doc;
    private final Map<String, Optional<Box>> drawn = new HashMap<>();
    private final Set<String> failures = new LinkedHashSet<>();

    PdfFormulas(PDDocument doc) {
        this.doc = doc;
    }

    /**
     * The formula set for text of {@code textSize} points, or empty when it cannot be drawn (then set its source).
     *
     * @param source the formula as written, dollars included, for the notes
     */
    Optional<Box> box(String tex, boolean display, String source, float textSize) throws IOException {
        String key = (display ? "D" : "I") + textSize + ":" + tex;
        Optional<Box> box = drawn.get(key);
        if (box != null) {
            return box;
        }
        FormulaDrawing drawing = FormulaDrawing.draw(tex, display, textSize * RELATIVE_SIZE, SCALE);
        if (drawing.ok()) {
            PDImageXObject image = LosslessFactory.createFromImage(doc, drawing.image());
            box = Optional.of(new Box(image, drawing.width(), drawing.height(), drawing.depth(), display, display));
        } else {
            box = Optional.empty();
            failures.add(abbreviate(source) + " (" + drawing.error() + ")");
        }
        drawn.put(key, box);
        return box;
    }

    /** One line for the export's notes per formula that printed as its source; none when all were typeset. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (String failure : failures) {
            notes.add("The formula " + failure + " could not be typeset and is printed as its source.");
        }
        return notes;
    }

    private static String abbreviate(String source) {
        String line = source.replaceAll("\\s+", " ").strip();
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
