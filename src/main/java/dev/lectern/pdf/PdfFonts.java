package dev.lectern.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The DejaVu fonts shipped in Lectern's resources, loaded into one document for subset embedding, and the text
 * cleaned for them: characters a font has no glyph for become a visible placeholder instead of an exception.
 */
final class PdfFonts {

    /** The faces a run of text can be set in. */
    enum Face {
        REGULAR("DejaVuSans.ttf"), BOLD("DejaVuSans-Bold.ttf"), ITALIC("DejaVuSans-Oblique.ttf"),
        MONO("DejaVuSansMono.ttf");

        final String file;

        Face(String file) {
            this.file = file;
        }
    }

    /** What stands in for a character no font has: a white square, which DejaVu has. */
    static final String PLACEHOLDER = "\u25A1";

    private final Map<Face, PDType0Font> fonts = new EnumMap<>(Face.class);
    private final Map<Face, Map<Integer, Boolean>> glyphs = new EnumMap<>(Face.class);
    private int substituted;

    PdfFonts(PDDocument doc) throws IOException {
        for (Face face : Face.values()) {
            String resource = "fonts/" + face.file;
            try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("The font " + face.file + " is missing from this build of Lectern.");
                }
                fonts.put(face, PDType0Font.load(doc, in, true));
            }
            glyphs.put(face, new HashMap<>());
        }
    }

    PDType0Font font(Face face) {
        return fonts.get(face);
    }

    /** Width of {@code text} (already cleaned for {@code face}) in points at {@code size}. */
    float width(String text, Face face, float size) throws IOException {
        return fonts.get(face).getStringWidth(text) / 1000f * size;
    }

    /**
     * {@code text} with what cannot be printed in {@code face} replaced: tabs by spaces, other control characters
     * dropped, characters without a glyph by {@link #PLACEHOLDER}.
     */
    String clean(String text, Face face) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
                out.append(' ');
            } else if (Character.isISOControl(cp) || cp == 0xFEFF || cp == 0x200B) {
                // dropped: nothing to print
            } else if (has(face, cp)) {
                out.appendCodePoint(cp);
            } else {
                substituted++;
                out.append(PLACEHOLDER);
            }
        });
        return out.toString();
    }

    /** How many characters were printed as the placeholder so far. */
    int substituted() {
        return substituted;
    }

    private boolean has(Face face, int codePoint) {
        return glyphs.get(face).computeIfAbsent(codePoint, cp -> {
            try {
                fonts.get(face).encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }
}
