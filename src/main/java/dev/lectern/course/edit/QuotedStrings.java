package dev.lectern.course.edit;

import java.util.Locale;

/**
 * Strings written as double-quoted YAML or JSON scalars: the one place that knows which characters need an escape.
 * A YAML double-quoted scalar is also a valid JSON string.
 */
public final class QuotedStrings {

    private QuotedStrings() {
    }

    /**
     * {@code s} as a double-quoted YAML scalar. Besides the control characters it escapes those a YAML reader does
     * not take literally: DEL, NEL (U+0085), the byte order mark and the line and paragraph separators.
     */
    public static String yaml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        append(out, s, true);
        return out.toString();
    }

    /** Appends {@code s} as a JSON string; characters JSON allows as they are (U+2028 say) stay as they are. */
    static void appendJson(StringBuilder out, String s) {
        append(out, s, false);
    }

    /** Whether YAML reads {@code c} as itself in a plain or quoted scalar (printable, not a line break). */
    static boolean printableInYaml(int c) {
        return c >= 0x20 && c != 0x7f && c != 0x85 && c != 0xfeff && c != 0x2028 && c != 0x2029;
    }

    private static void append(StringBuilder out, String s, boolean yaml) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (yaml ? !printableInYaml(c) : c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
