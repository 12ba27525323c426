package dev.lectern.render;

import java.util.Locale;
import java.util.Optional;

/** The link rules of the reading view: which hrefs are kept, seen the way a browser would read them. */
final class Urls {

    private Urls() {
    }

    /**
     * The URL as a browser parses it: tabs and line breaks anywhere are dropped and leading or trailing control
     * characters and spaces are trimmed, so {@code java\tscript:} is recognised as {@code javascript:}.
     */
    static String clean(String url) {
        if (url == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                s.append(c);
            }
        }
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /** Whether the URL goes to the web (http or https), the only kind the UI opens in the system browser. */
    static boolean isWeb(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The href to keep for a link written by an author, or empty if the link must lose its target. */
    static Optional<String> safeHref(String href) {
        String cleaned = clean(href);
        String lower = cleaned.toLowerCase(Locale.ROOT);
        if (isWeb(cleaned) || lower.startsWith("mailto:") || cleaned.startsWith("#")) {
            return Optional.of(cleaned);
        }
        return Optional.empty();
    }
}
