package dev.lectern.interchange.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds a slide's paragraphs, list items and columns from where its lines stand, since a PDF keeps only lines.
 * Two lines are one paragraph when they are as close as the deck's wrapped lines are ({@link #linePitch}), of the
 * same size, and the second does not start a list item; a sentence that clearly goes on (no full stop at the end of
 * a line, a small letter at the start of the next) may be a little further apart. A short line that ends a sentence
 * ends its paragraph. Text in two columns (a gutter no line crosses, with lines on both sides at the same height)
 * is read column by column, each its own list.
 */
final class SlideLayout {

    /** Baseline to baseline, in font sizes, of two wrapped lines of a paragraph when the deck gives no evidence. */
    static final float DEFAULT_PITCH = 1.2f;
    /** A gap between lines this much larger than the deck's line pitch separates paragraphs. */
    static final float PARAGRAPH_GAP = 1.3f;
    /** ... unless the sentence clearly goes on across it, when it may be this much larger. */
    static final float SENTENCE_GAP = 1.75f;

    /** A bullet glyph and the item's text: a glyph may touch its text, a dash or star is followed by a space. */
    static final Pattern BULLET = Pattern.compile("^(?:[•◦▪▫‣⁃∙·●○■□►▸▶➢➤✓✔✗✘❖◆◇♦➔→⇒\\x{F06E}\\x{F076}\\x{F0A7}"
            + "\\x{F0B7}\\x{F0D8}\\x{F0E0}\\x{F0FC}]\\s*|[*–—-]\\s+)(\\S.*)$");
    private static final Pattern NUMBERED_ITEM = Pattern.compile("^\\d{1,3}\\. .*");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})([.)])\\s+(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;…][\"'”’)\\]]*$");

    private SlideLayout() {
    }

    // ------------------------------------------------------------------ the deck's line pitch

    /**
     * The deck's line pitch: baseline to baseline, in font sizes, of two lines that are surely one sentence (the first
     * ends without a full stop, the second starts with a small letter), the lower quartile over every page; {@link
     * #DEFAULT_PITCH} when no page has such a pair.
     */
    static float linePitch(List<List<TextLine>> pages) {
        List<Float> ratios = new ArrayList<>();
        for (List<TextLine> page : pages) {
            if (page == null) {
                continue;
            }
            for (int i = 1; i < page.size(); i++) {
                TextLine a = page.get(i - 1);
                TextLine b = page.get(i);
                float pitch = b.bottom() - a.bottom();
                if (a.size() <= 0 || pitch <= 0 || !sameSize(a, b) || !overlapsAcross(a, b)) {
                    continue;
                }
                String first = SlideText.clean(a.text());
                String second = SlideText.clean(b.text());
                if (goesOn(first, second) && !BULLET.matcher(second).matches()) {
                    ratios.add(pitch / a.size());
                }
            }
        }
        if (ratios.isEmpty()) {
            return DEFAULT_PITCH;
        }
        ratios.sort(Comparator.naturalOrder());
        float quartile = ratios.get(ratios.size() / 4);
        return Math.max(0.9f, Math.min(1.6f, quartile));
    }

    // ------------------------------------------------------------------ columns

    /**
     * The lines in reading order, as runs read one after another: the lines above two columns, the left column, the
     * right one, the lines below; one run when the slide has no columns.
     */
    static List<List<TextLine>> runs(List<TextLine> lines) {
        if (lines.size() < 4) {
            return List.of(oneLineEach(lines));
        }
        float leftmost = (float) lines.stream().mapToDouble(TextLine::x).min().orElse(0);
        float best = -1;
        int bestCount = 0;
        for (TextLine candidate : lines) {
            float gutter = candidate.x();
            if (gutter - leftmost < 80) {
                continue;
            }
            int count = splitCount(lines, gutter);
            if (count > bestCount) {
                best = gutter;
                bestCount = count;
            }
        }
        if (best < 0) {
            return List.of(oneLineEach(lines));
        }
        float gutter = best;
        List<TextLine> above = new ArrayList<>();
        List<TextLine> left = new ArrayList<>();
        List<TextLine> right = new ArrayList<>();
        List<TextLine> below = new ArrayList<>();
        float columnsTop = Float.MAX_VALUE;
        for (TextLine line : lines) {
            if (side(line, gutter) != 0) {
                columnsTop = Math.min(columnsTop, line.top());
            }
        }
        for (TextLine line : lines) {
            int side = side(line, gutter);
            if (side < 0) {
                left.add(line);
            } else if (side > 0) {
                right.add(line);
            } else if (line.bottom() <= columnsTop + 1) {
                above.add(line);
            } else {
                below.add(line);
            }
        }
        List<List<TextLine>> runs = new ArrayList<>();
        for (List<TextLine> run : List.of(above, left, right, below)) {
            if (!run.isEmpty()) {
                runs.add(oneLineEach(run));
            }
        }
        return runs;
    }

    /** Pieces of one line (set apart by a wide gap, but not columns) joined again, in their order. */
    private static List<TextLine> oneLineEach(List<TextLine> lines) {
        List<TextLine> joined = new ArrayList<>();
        for (TextLine line : lines) {
            TextLine last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && line.x() >= last.right() && sameSize(last, line)
                    && Math.abs(line.bottom() - last.bottom()) < Math.max(1, last.size() * 0.3f)) {
                joined.set(joined.size() - 1, new TextLine(last.text() + " " + line.text(), last.x(), line.right(),
                        Math.min(last.top(), line.top()), Math.max(last.bottom(), line.bottom()),
                        Math.max(last.size(), line.size()), last.pageHeight()));
            } else {
                joined.add(line);
            }
        }
        return joined;
    }

    /** -1 for a line left of the gutter, 1 right of it, 0 across it. */
    private static int side(TextLine line, float gutter) {
        if (line.x() >= gutter - 1) {
            return 1;
        }
        return line.right() <= gutter - 8 ? -1 : 0;
    }

    /**
     * How many lines two columns split at {@code gutter} would hold; 0 unless both have two lines or more, they stand
     * side by side (overlapping in height by half the shorter), and every line across the gutter is above or below
     * both.
     */
    private static int splitCount(List<TextLine> lines, float gutter) {
        int left = 0;
        int right = 0;
        float leftTop = Float.MAX_VALUE;
        float leftBottom = -Float.MAX_VALUE;
        float rightTop = Float.MAX_VALUE;
        float rightBottom = -Float.MAX_VALUE;
        for (TextLine line : lines) {
            int side = side(line, gutter);
            if (side < 0) {
                left++;
                leftTop = Math.min(leftTop, line.top());
                leftBottom = Math.max(leftBottom, line.bottom());
            } else if (side > 0) {
                right++;
                rightTop = Math.min(rightTop, line.top());
                rightBottom = Math.max(rightBottom, line.bottom());
            }
        }
        if (left < 2 || right < 2) {
            return 0;
        }
        float overlap = Math.min(leftBottom, rightBottom) - Math.max(leftTop, rightTop);
        float shorter = Math.min(leftBottom - leftTop, rightBottom - rightTop);
        if (overlap < shorter * 0.5f) {
            return 0;
        }
        float top = Math.min(leftTop, rightTop);
        float bottom = Math.max(leftBottom, rightBottom);
        for (TextLine line : lines) {
            if (side(line, gutter) == 0 && line.bottom() > top + 1 && line.top() < bottom - 1) {
                return 0;
            }
        }
        return left + right;
    }

    // ------------------------------------------------------------------ paragraphs and items

    /** The lines as Markdown: paragraphs and list items, wrapped lines joined, columns one after the other. */
    static String markdown(List<TextLine> lines, float pitch) {
        List<String> blocks = new ArrayList<>();
        List<List<TextLine>> runs = runs(lines);
        for (int r = 0; r < runs.size(); r++) {
            // A list right after another would run on as one: the marker changes from one column's to the next's.
            blocks.addAll(blocks(runs.get(r), pitch, r % 2 == 0 ? "- " : "* "));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                boolean sameList = isItem(blocks.get(i - 1)) && isItem(blocks.get(i))
                        && marker(blocks.get(i - 1)) == marker(blocks.get(i));
                out.append(sameList ? "\n" : "\n\n");
            }
            out.append(blocks.get(i));
        }
        return out.toString();
    }

    private static List<String> blocks(List<TextLine> lines, float pitch, String bulletMarker) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        String currentPrefix = "";
        float itemX = -1;
        float blockX = 0;
        float blockRight = 0;
        TextLine previous = null;
        for (TextLine line : lines) {
            String text = line.text();
            Matcher bullet = BULLET.matcher(text);
            Matcher numbered = NUMBERED.matcher(text);
            String prefix = null;
            String content = text;
            if (bullet.matches()) {
                prefix = bulletMarker;
                content = bullet.group(1);
            } else if (numbered.matches()) {
                prefix = numbered.group(1) + ". ";
                content = numbered.group(3);
            }
            boolean continues = current != null && previous != null && prefix == null
                    && continues(previous, line, pitch, current.toString(), blockX, blockRight)
                    && (itemX < 0 || line.x() > itemX + 1);
            if (continues) {
                SlideText.append(current, content);
                blockRight = Math.max(blockRight, line.right());
            } else {
                if (current != null) {
                    blocks.add(currentPrefix + SlideText.escapeInline(current.toString()));
                }
                current = new StringBuilder(content);
                blockX = line.x();
                blockRight = line.right();
                if (prefix != null) {
                    boolean nested = itemX >= 0 && line.x() > itemX + 8 && !currentPrefix.isEmpty();
                    currentPrefix = (nested ? "  " : "") + prefix;
                    if (!nested) {
                        itemX = line.x();
                    }
                } else {
                    currentPrefix = "";
                    itemX = -1;
                }
            }
            previous = line;
        }
        if (current != null) {
            blocks.add(currentPrefix + SlideText.escapeInline(current.toString()));
        }
        return blocks;
    }

    /** Whether {@code next} goes on the paragraph whose last line is {@code previous}. */
    private static boolean continues(TextLine previous, TextLine next, float pitch, String soFar, float blockX,
            float blockRight) {
        if (!sameSize(previous, next)) {
            return false;
        }
        float size = Math.max(previous.size(), next.size());
        float gap = (next.bottom() - previous.bottom()) / Math.max(1, size);
        if (gap <= 0.3f) {
            return false; // beside it, or above: another column or a label
        }
        boolean goesOn = goesOn(soFar, next.text());
        if (gap > pitch * (goesOn ? SENTENCE_GAP : PARAGRAPH_GAP)) {
            return false;
        }
        if (!goesOn && SENTENCE_END.matcher(soFar).matches() && startsUpper(next.text())) {
            // A sentence ended on a line much shorter than the paragraph is wide: the paragraph ended there.
            float width = blockRight - blockX;
            boolean shortLine = width > 0 && previous.right() < blockRight - Math.max(width * 0.25f, size * 2);
            return !shortLine;
        }
        return true;
    }

    /** The text so far does not end a sentence and the next line starts with a small letter (or goes on a word). */
    private static boolean goesOn(String text, String next) {
        if (text.isEmpty() || next.isEmpty() || SENTENCE_END.matcher(text).matches()) {
            return false;
        }
        int first = next.codePointAt(0);
        return Character.isLowerCase(first) || text.endsWith("-") || text.endsWith(",")
                || "([{\"'“‘".indexOf(first) >= 0 && next.length() > 1 && Character.isLowerCase(next.codePointAt(1));
    }

    private static boolean startsUpper(String text) {
        return !text.isEmpty() && (Character.isUpperCase(text.codePointAt(0)) || Character.isDigit(text.codePointAt(0)));
    }

    static boolean sameSize(TextLine a, TextLine b) {
        return Math.abs(a.size() - b.size()) <= Math.max(a.size(), b.size()) * 0.15f;
    }

    private static boolean overlapsAcross(TextLine a, TextLine b) {
        return Math.min(a.right(), b.right()) > Math.max(a.x(), b.x());
    }

    private static boolean isItem(String block) {
        String s = block.stripLeading();
        return s.startsWith("- ") || s.startsWith("* ") || NUMBERED_ITEM.matcher(s).matches();
    }

    private static char marker(String block) {
        char c = block.stripLeading().charAt(0);
        return Character.isDigit(c) ? '1' : c;
    }
}
