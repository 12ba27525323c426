package dev.lectern.course.internal;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The spelling of course files that the loader ({@code course.load}) and the editable documents
 * ({@code course.edit}) must agree on, so a document saves what the loader reads back. Public only for those two;
 * an ArchUnit rule keeps the rest of Lectern out of {@code course.internal}.
 */
public final class CourseSyntax {

    /** The course file in the readings folder. */
    public static final String COURSE_FILE = "course.yaml";

    /** Pandoc-style attributes at the end of a heading: {@code ## Slide 3 {page=4 image="p4.png"}}. */
    public static final Pattern ATTRIBUTES = Pattern.compile("\\s*\\{([^{}]*)\\}\\s*$");

    /** One {@code key=value} inside {@link #ATTRIBUTES}; the value bare, in double or in single quotes. */
    public static final Pattern ATTRIBUTE = Pattern.compile("\\s*([A-Za-z][\\w-]*)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"']+)");

    private CourseSyntax() {
    }

    /** An attribute's value without its quotes. */
    public static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Drops blank lines at both ends and trailing white space, keeping the first line's indentation. */
    public static String trimBlankLines(String text) {
        String[] lines = text.split("\\R", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        int last = lines.length - 1;
        while (last >= first && lines[last].isBlank()) {
            last--;
        }
        if (first > last) {
            return "";
        }
        return String.join("\n", Arrays.asList(lines).subList(first, last + 1)).stripTrailing();
    }
}
