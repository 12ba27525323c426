package dev.lectern.course.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The spelling of course files that the loader ({@code course.load}) and the editable documents
 * ({@code course.edit}) must agree on, so a document saves what the loader reads back. Public only for those two;
 * an ArchUnit rule keeps the rest of Lectern out of {@code course.internal}.
 */
public final class CourseSyntax {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    /** The course file in the readings folder. */
    public static final String COURSE_FILE = "course.yaml";

    /** Pandoc-style attributes at the end of a heading: {@code ## Slide 3 {page=4 image="p4.png"}}. */
    public static final Pattern ATTRIBUTES = Pattern.compile("\\s*\\{([^{}]*)\\}\\s*$");

    /** One {@code key=value} inside {@link #ATTRIBUTES}; the value bare, in double or in single quotes. */
    public static final Pattern ATTRIBUTE = Pattern.compile("\\s*([A-Za-z][\\w-]*)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"']+)");

    /** A course's {@code id}: lower-case letters and digits in words joined by single hyphens, at most 64 long. */
    public static final Pattern COURSE_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** The longest {@link #COURSE_ID}. */
    public static final int COURSE_ID_MAX = 64;

    /** The longest slug made from a title, leaving room for a suffix. */
    private static final int SLUG_MAX = 48;

    private CourseSyntax() {
    }

    /** Whether {@code id} is a course id as {@code course.yaml} may give it. */
    public static boolean isCourseId(String id) {
        return id.length() <= COURSE_ID_MAX && COURSE_ID.matcher(id).matches();
    }

    /**
     * The id of a course whose {@code course.yaml} gives none: the slug of its title (or folder name), the same every
     * time; a title with no letters or digits in the Latin alphabet is named by a digest of it instead.
     */
    public static String derivedCourseId(String titleOrName) {
        String slug = slug(titleOrName);
        return slug.isEmpty() ? "course-" + digest(titleOrName.strip()) : slug;
    }

    /** A fresh id for a new course: the slug of its title and six random letters or digits, say {@code stats-101-k3x9q2}. */
    public static String newCourseId(String title, RandomGenerator random) {
        String slug = slug(title);
        StringBuilder id = new StringBuilder(slug.isEmpty() ? "course" : slug).append('-');
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 6; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Lower case, accents dropped, every run of other characters one hyphen, at most {@value #SLUG_MAX} long. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (plain.length() > SLUG_MAX) {
            plain = plain.substring(0, SLUG_MAX).replaceAll("-+$", "");
        }
        return plain;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** An attribute's value without its quotes. */
    public static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Drops blank lines at both ends and trailing white space, keeping the first line's indentation. */
    private static boolean onlyNewlines(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    public static String trimBlankLines(String text) {
        if (onlyNewlines(text)) {
            // The common case, without a regular expression: the text from its first line that is not blank to the
            // end of its last, as the general case below gives it.
            int from = 0;
            while (true) {
                int end = text.indexOf('\n', from);
                if (!text.substring(from, end < 0 ? text.length() : end).isBlank()) {
                    break;
                }
                if (end < 0) {
                    return "";
                }
                from = end + 1;
            }
            int to = text.length();
            while (true) {
                int start = text.lastIndexOf('\n', to - 1) + 1;
                if (!text.substring(start, to).isBlank()) {
                    break;
                }
                to = start - 1;
            }
            return text.substring(from, to).stripTrailing();
        }
        String[] lines = LINE_BREAK.split(text, -1);
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
