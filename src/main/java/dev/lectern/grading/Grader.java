package dev.lectern.grading;

/** Grades one typed answer against an answer key. Implementations are thread-safe. */
public interface Grader {
    Grade grade(AnswerKey key, String answer);
}
