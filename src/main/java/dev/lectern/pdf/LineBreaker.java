package dev.lectern.pdf;

import dev.lectern.pdf.PdfFonts.Face;
import dev.lectern.pdf.Typesetter.Box;
import dev.lectern.pdf.Typesetter.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs of text cut into measured words, and the words broken into lines of a width: greedily, a word longer than a
 * line cut at characters, a box (a formula, an image) set like a word or on a line of its own.
 */
final class LineBreaker {

    /** A word (or a piece of one) in one face, or a box, and whether a space comes before it. */
    record Fragment(String text, Face face, boolean spaceBefore, float width, Box box) {
    }

    private final PdfFonts fonts;
    private final float maxBoxHeight;

    LineBreaker(PdfFonts fonts, float maxBoxHeight) {
        this.fonts = fonts;
        this.maxBoxHeight = maxBoxHeight;
    }

    /** The runs as words (and boxes), each measured. */
    List<Fragment> fragments(List<Run> runs, float size) throws IOException {
        List<Fragment> out = new ArrayList<>();
        boolean space = false;
        for (Run run : runs) {
            if (run.box() != null) {
                out.add(new Fragment("", run.face(), space, run.box().width(), run.box()));
                space = false;
                continue;
            }
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
                out.add(new Fragment(word, run.face(), space, fonts.width(word, run.face(), size), null));
                space = false;
                i = end;
            }
        }
        return out;
    }

    /** Width of a space between fragments, the same in breaking lines and in measuring tables. */
    float spaceWidth(float size) throws IOException {
        return fonts.width(" ", Face.REGULAR, size);
    }

    /** Words into lines of at most {@code width}; a box of its own line gets one, any box is scaled to fit. */
    List<List<Fragment>> breakLines(List<Fragment> fragments, float width, float size) throws IOException {
        List<List<Fragment>> lines = new ArrayList<>();
        List<Fragment> line = new ArrayList<>();
        float used = 0;
        float space = spaceWidth(size);
        for (Fragment f : fragments) {
            if (f.box() != null) {
                Box box = f.box().fitting(width, maxBoxHeight);
                f = new Fragment("", f.face(), f.spaceBefore(), box.width(), box);
                if (box.ownLine()) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                        line = new ArrayList<>();
                    }
                    lines.add(List.of(new Fragment("", f.face(), false, box.width(), box)));
                    used = 0;
                    continue;
                }
            }
            float gap = line.isEmpty() || !f.spaceBefore() ? 0 : space;
            if (!line.isEmpty() && used + gap + f.width() > width) {
                // A word glued to the previous one (no space) moves with it only if that fits; otherwise break here.
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
                gap = 0;
                f = new Fragment(f.text(), f.face(), false, f.width(), f.box());
            }
            if (line.isEmpty() && f.width() > width && f.box() == null) {
                // Longer than a line (a URL, say): cut it at characters.
                String rest = f.text();
                while (!rest.isEmpty()) {
                    int n = fitting(rest, f.face(), size, width);
                    String piece = rest.substring(0, n);
                    rest = rest.substring(n);
                    Fragment part = new Fragment(piece, f.face(), false, fonts.width(piece, f.face(), size), null);
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
}
