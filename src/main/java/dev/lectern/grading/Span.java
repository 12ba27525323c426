package dev.lectern.grading;

/** A stretch of the student's answer, as character offsets: {@code answer.substring(start, end)}. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public String in(String text) {
        return text.substring(start, Math.min(end, text.length()));
    }
}
