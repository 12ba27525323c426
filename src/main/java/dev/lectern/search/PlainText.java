package dev.lectern.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown and TeX reduced to the words a reader sees, on one line. Light on purpose: it only has to keep markup
 * out of the index and out of snippets, not render anything.
 */
final class PlainText {

    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\([^)\\n]*\\)");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>\\n]*>");
    private static final Pattern TEX_COMMAND = Pattern.compile("\\\\[a-zA-Z]+\\*?");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\p{Punct})");
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^[ \\t]*(?:>[ \\t]?|[-+][ \\t]+)");
    private static final Pattern RULE = Pattern.compile(":?-{3,}:?");

    private PlainText() {
    }

    static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        // Most text has none of the markup; the cheap checks keep a large course from paying for every pattern.
        String s = markdown;
        if (s.indexOf('[') >= 0) {
            s = IMAGE_OR_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        if (s.indexOf('<') >= 0) {
            s = HTML_TAG.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('\\') >= 0) {
            s = TEX_COMMAND.matcher(s).replaceAll(" ");
            s = ESCAPE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('>') >= 0 || s.indexOf("- ") >= 0 || s.indexOf("+ ") >= 0) {
            s = LINE_MARKER.matcher(s).replaceAll("");
        }
        if (s.contains("---")) {
            s = RULE.matcher(s).replaceAll(" ");
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '*', '#', '$', '`', '~' -> {
                    continue;
                }
                case '{', '}', '|', '^' -> c = ' ';
                default -> {
                }
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!space) {
                    b.append(' ');
                    space = true;
                }
            } else {
                b.append(c);
                space = false;
            }
        }
        int end = b.length();
        if (end > 0 && b.charAt(end - 1) == ' ') {
            b.setLength(end - 1);
        }
        return b.toString();
    }

    /** A line of plain text cut at a word boundary to at most about {@code max} characters, with an ellipsis. */
    static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        if (cut < max / 2) {
            cut = max;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
