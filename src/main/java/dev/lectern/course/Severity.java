package dev.lectern.course;

/** How bad a {@link Problem} is: an error keeps the thing it concerns out of the course, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    /** The word compilers use: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
