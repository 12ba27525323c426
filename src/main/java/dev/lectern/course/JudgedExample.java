package dev.lectern.course;

import java.util.Objects;

/**
 * An answer to a question with the verdict a person gave it, and optionally why: the instructor's examples in the
 * question set, and the student's own overrides of the grader, which the grader compares new answers with.
 * {@code line} and {@code column} are where it was written in the question set (0 when it was not read from a file).
 */
public record JudgedExample(String answer, ExampleVerdict verdict, String note, int line, int column, Judge judge) {

    /** Who gave the verdict: the course's author, or the student who overrode the grader. */
    public enum Judge {
        INSTRUCTOR("your instructor"),
        YOU("you");

        private final String phrase;

        Judge(String phrase) {
            this.phrase = phrase;
        }

        /** The judge as the explanation names them: "marked correct by you". */
        public String phrase() {
            return phrase;
        }
    }

    public JudgedExample {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(judge, "judge");
        note = note == null ? "" : note;
    }

    /** The instructor's example, read from a question set at {@code line}:{@code column}. */
    public JudgedExample(String answer, ExampleVerdict verdict, String note, int line, int column) {
        this(answer, verdict, note, line, column, Judge.INSTRUCTOR);
    }

    /** An instructor's example not read from a file. */
    public JudgedExample(String answer, ExampleVerdict verdict, String note) {
        this(answer, verdict, note, 0, 0, Judge.INSTRUCTOR);
    }

    /** The student's own verdict on one of their answers, given over the grader's. */
    public static JudgedExample yours(String answer, ExampleVerdict verdict) {
        return new JudgedExample(answer, verdict, "", 0, 0, Judge.YOU);
    }
}
