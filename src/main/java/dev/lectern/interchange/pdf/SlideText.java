package dev.lectern.interchange.pdf;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the lines of a page into a slide excerpt's title and Markdown text: repeated headers and footers left out,
 * ligatures unfolded, words hyphenated at a line end joined, bullets made list items, and everything that Markdown
 * would read as markup escaped (a line of a slide must not become a heading of the reading).
 */
final class SlideText {

    /** A page's title (plain text, escaped for a Markdown heading) and its Markdown text. */
    record Excerpt(String title, String markdown) {
    }

    /** Headers and footers are looked for in this top and bottom share of the page. */
    static final float MARGIN_BAND = 0.2f;
    /** A title is text at least this much larger than the page's body text. */
    static final float TITLE_RATIO = 1.15f;

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SlideText() {
    }

    // ------------------------------------------------------------------ headers and footers

    /**
     * The lines that recur at the same place (the top or bottom band of the page) on most pages: a course name, a
     * running title, page numbers (digits count as the same). Text larger than the page's body text is never one
     * (slide titles in the same place, "Part 1", "Part 2", are not a header). Only for three pages or more.
     */
    static Set<String> repeatedLines(List<List<TextLine>> pages) {
        int withText = (int) pages.stream().filter(p -> p != null && !p.isEmpty()).count();
        if (withText < 3) {
            return Set.of();
        }
        int needed = Math.max(2, (withText + 1) / 2);
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            List<TextLine> lines = pages.get(i);
            if (lines == null || lines.isEmpty()) {
                continue;
            }
            float body = bodySize(lines);
            for (TextLine line : lines) {
                if (inMargin(line) && line.size() < body * TITLE_RATIO) {
                    pagesByKey.computeIfAbsent(key(line), k -> new HashSet<>()).add(i);
                }
            }
        }
        Set<String> repeated = new HashSet<>();
        for (String key : pagesByKey.keySet()) {
            int sep = key.lastIndexOf('@');
            String text = key.substring(0, sep);
            int bucket = Integer.parseInt(key.substring(sep + 1));
            Set<Integer> near = new HashSet<>();
            for (int b = bucket - 1; b <= bucket + 1; b++) {
                Set<Integer> found = pagesByKey.get(text + "@" + b);
                if (found != null) {
                    near.addAll(found);
                }
            }
            if (near.size() >= needed) {
                repeated.add(key);
            }
        }
        return repeated;
    }

    static boolean isRepeated(TextLine line, Set<String> repeated, float bodySize) {
        return inMargin(line) && line.size() < bodySize * TITLE_RATIO && repeated.contains(key(line));
    }

    private static boolean inMargin(TextLine line) {
        float p = line.position();
        return p < MARGIN_BAND || p > 1 - MARGIN_BAND;
    }

    private static String key(TextLine line) {
        String text = SPACES.matcher(DIGITS.matcher(clean(line.text())).replaceAll("#")).replaceAll(" ")
                .strip().toLowerCase(Locale.ROOT);
        return text + "@" + Math.round(line.position() * 100);
    }

    // ------------------------------------------------------------------ one page

    /** The excerpt of a page from its lines in reading order, less the repeated ones, at the default line pitch. */
    static Excerpt excerpt(List<TextLine> all, Set<String> repeated) {
        return excerpt(all, repeated, SlideLayout.DEFAULT_PITCH);
    }

    /**
     * The excerpt of a page from its lines in reading order, less the repeated ones; {@code pitch} is the deck's line
     * pitch ({@link SlideLayout#linePitch}).
     */
    static Excerpt excerpt(List<TextLine> all, Set<String> repeated, float pitch) {
        List<TextLine> lines = new ArrayList<>();
        float body = all.isEmpty() ? 0 : bodySize(all);
        for (TextLine line : all) {
            String text = clean(line.text());
            if (!text.isEmpty() && !isRepeated(line, repeated, body)) {
                lines.add(line.withText(text));
            }
        }
        if (lines.isEmpty()) {
            return new Excerpt("", "");
        }
        int[] titleLines = titleLines(lines);
        String title = "";
        if (titleLines != null) {
            StringBuilder joined = new StringBuilder();
            for (int i = titleLines[0]; i < titleLines[1]; i++) {
                append(joined, lines.get(i).text());
            }
            title = escapeInline(joined.toString());
            lines.subList(titleLines[0], titleLines[1]).clear();
        }
        return new Excerpt(title, SlideLayout.markdown(lines, pitch));
    }

    /**
     * [from, to) of the title's lines: the first line of the largest text and the lines of its size just below;
     * null if no text on the page is larger than the rest (a page of uniform text has no title).
     */
    private static int[] titleLines(List<TextLine> lines) {
        float max = 0;
        for (TextLine line : lines) {
            max = Math.max(max, line.size());
        }
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).size() >= max * 0.9f) {
                first = i;
                break;
            }
        }
        int end = first + 1;
        while (end < lines.size() && end - first < 3) {
            TextLine previous = lines.get(end - 1);
            TextLine next = lines.get(end);
            boolean sameSize = Math.abs(next.size() - previous.size()) <= previous.size() * 0.1f;
            // Baseline to baseline: a title set with generous spacing still wraps within two sizes of its own.
            boolean close = next.bottom() - previous.bottom() > 0
                    && next.bottom() - previous.bottom() < previous.size() * 1.8f;
            if (!sameSize || !close) {
                break;
            }
            end++;
        }
        boolean alone = end - first == lines.size();
        boolean larger = false;
        for (int i = 0; i < lines.size(); i++) {
            if ((i < first || i >= end) && lines.get(i).size() * TITLE_RATIO <= max) {
                larger = true;
            }
        }
        return alone || larger ? new int[] {first, end} : null;
    }

    /** The font size that most of the page's characters have. */
    private static float bodySize(List<TextLine> lines) {
        Map<Integer, Integer> chars = new HashMap<>();
        for (TextLine line : lines) {
            chars.merge(Math.round(line.size() * 2), line.text().length(), Integer::sum);
        }
        return chars.entrySet().stream().max(Comparator.comparingInt((Map.Entry<Integer, Integer> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> e.getKey() / 2f).orElse(0f);
    }

    /**
     * Adds a wrapped line to the text before it: a word hyphenated at the line end is joined ("multi-" + "modal"
     * is "multimodal"), unless it is a compound with a hyphen already ("text-to-" + "video" keeps its hyphens) or
     * the next line does not go on in lower case.
     */
    static void append(StringBuilder text, String next) {
        if (text.length() == 0) {
            text.append(next);
            return;
        }
        int n = text.length();
        boolean hyphen = n >= 2 && (text.charAt(n - 1) == '-' || text.charAt(n - 1) == '\u00AD')
                && Character.isLetter(text.charAt(n - 2));
        if (hyphen && !next.isEmpty() && Character.isLowerCase(next.codePointAt(0))) {
            int wordStart = n - 1;
            while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            boolean compound = text.substring(wordStart, n - 1).indexOf('-') >= 0;
            if (compound) {
                text.append(next);
            } else {
                text.setLength(n - 1);
                text.append(next);
            }
            return;
        }
        text.append(' ').append(next);
    }

    // ------------------------------------------------------------------ characters

    /**
     * Ligatures unfolded and compatibility characters made plain (NFKC) where that loses nothing a reader would
     * miss: letters-like symbols, super- and subscripts and fractions are kept as they are; soft hyphens inside a
     * line and control characters are dropped; runs of spaces become one.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xFB00 && cp <= 0xFB06 || cp >= 0xFF01 && cp <= 0xFF5E || cp == 0x00A0 || cp >= 0x2000 && cp <= 0x200A) {
                out.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
            } else if (cp == 0x00AD && i < text.length()) {
                // a soft hyphen inside the line: not shown
            } else if (Character.isISOControl(cp) || cp == 0xFFFD || cp == 0x200B || cp == 0xFEFF) {
                if (cp == '\t') {
                    out.append(' ');
                }
            } else {
                out.appendCodePoint(cp);
            }
        }
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    // ------------------------------------------------------------------ Markdown

    /** Text that Markdown shows as it is, inside a line: markup characters escaped. */
    static String escapeInline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>$~{}|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        String s = out.toString();
        // A line that starts like a heading, quote, list item or rule.
        if (s.matches("^(#|>|\\+|-|=|\\d{1,9}[.)]).*")) {
            int digits = 0;
            while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
                digits++;
            }
            s = s.substring(0, digits) + "\\" + s.substring(digits);
        }
        // Trailing #s would close an ATX heading.
        if (s.endsWith("#")) {
            s = s.substring(0, s.length() - 1) + "\\#";
        }
        return s;
    }

    /** Text escaped by {@link #escapeInline} as it was. */
    static String plain(String escaped) {
        return escaped.replaceAll("\\\\(\\p{Punct})", "$1");
    }
}
