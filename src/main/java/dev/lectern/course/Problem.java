package dev.lectern.course;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * Something wrong in a course file, said where (file, 1-based line and column) and in words a course author
 * understands.
 */
public record Problem(Path file, int line, int column, Severity severity, String message) {

    /** Orders problems by file, then position, so reports read top to bottom. */
    public static final Comparator<Problem> IN_FILE_ORDER = Comparator
            .comparing((Problem p) -> p.file().toString())
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    public static Problem error(Path file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.ERROR, message);
    }

    public static Problem warning(Path file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:column: error: message}, with the path as given. */
    public String format() {
        return format(file);
    }

    /** {@code path:line:column: error: message}, with the file shown as {@code shownPath}. */
    public String format(Path shownPath) {
        return shownPath + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }
}
