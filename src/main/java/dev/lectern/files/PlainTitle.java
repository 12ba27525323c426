package dev.lectern.files;

import java.util.regex.Pattern;

/**
 * A title as it may go into a file where no markup belongs: a file name, an Anki export's {@code #deck:} header and
 * deck names, a PDF's document information. Authors write titles freely, so one may hold HTML
 * ({@code <script>…</script>}, {@code <img onerror=…>}) or control characters; here HTML tags are dropped (with what a
 * {@code script} or {@code style} element holds), control characters (C0, DEL, C1, the line and paragraph
 * separators, tabs, line breaks) become spaces, and the marks that only turn text direction go. A {@code <} that
 * starts no tag stays, so {@code a < b} reads {@code a < b}; Markdown emphasis stays as the characters it is written
 * with. The one place Lectern makes a title plain.
 */
public final class PlainTitle {

    /** A script or style element with all it holds: its text is code, not words of the title. */
    private static final Pattern CODE_ELEMENT = Pattern.compile(
            "<(script|style)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A tag, a comment, a declaration or a processing instruction, as a browser sees one. */
    private static final Pattern TAG = Pattern.compile(
            "<!--.*?-->|<[/!?]?[A-Za-z][^<>]*>|<![^<>]*>|<\\?[^<>]*>", Pattern.DOTALL);
    /** A tag with attributes cut off at the end of the title ({@code <img src=x onerror=…}): a browser drops it. */
    private static final Pattern UNCLOSED_TAG = Pattern.compile("<[A-Za-z][A-Za-z0-9-]*\\s[^<>]*$", Pattern.DOTALL);
    /** Characters that only steer text direction: dropped, they could make a file name read backwards. */
    private static final Pattern DIRECTION = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\uFEFF]");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private PlainTitle() {
    }

    /** {@code title} without markup or control characters, spaces collapsed, trimmed; "" for null. */
    public static String of(String title) {
        if (title == null) {
            return "";
        }
        String s = CONTROL.matcher(title).replaceAll(" ");
        s = DIRECTION.matcher(s).replaceAll("");
        String before;
        do {
            // "<scr<b>ipt>" is a tag again once "<b>" is gone, "<a b<c d" an unclosed one once "<c d" is.
            before = s;
            s = CODE_ELEMENT.matcher(s).replaceAll(" ");
            s = TAG.matcher(s).replaceAll("");
            s = UNCLOSED_TAG.matcher(s).replaceAll("");
        } while (!s.equals(before));
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** Like {@link #of}, or {@code fallback} when nothing is left. */
    public static String of(String title, String fallback) {
        String plain = of(title);
        return plain.isEmpty() ? fallback : plain;
    }
}
