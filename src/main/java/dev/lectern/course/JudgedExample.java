package dev.lectern.course;

import java.util.Objects;

/**
 * An answer to a question with the verdict a person gave it, and optionally why: the instructor's examples, which
 * the grader compares new answers with. {@code line} and {@code column} are where it was written in the question
 * set (0 when it was not read from a file).
 */
public record JudgedExample(String answer, ExampleVerdict verdict, String note, int line, int column) {

    public JudgedExample {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(verdict, "verdict");
        note = note == null ? "" : note;
    }

    /** An example not read from a file. */
    public JudgedExample(String answer, ExampleVerdict verdict, String note) {
        this(answer, verdict, note, 0, 0);
    }
}
