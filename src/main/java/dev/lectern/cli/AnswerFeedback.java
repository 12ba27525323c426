package dev.lectern.cli;

import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Verdict;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code lectern drill} and {@code lectern review} print of a graded answer, alike: the score and verdict, the key
 * points covered and missed or contradicted (with the reason), what to do when the grader is unsure, and the
 * explanation.
 */
final class AnswerFeedback {

    /** The line for an answer the grader is unsure about, as the app shows it. */
    static final String UNSURE = "Compare with the reference and rate yourself.";

    /** Signs on screen, in Unicode where standard output can show it. */
    record Marks(String covered, String missed, String dot, String ellipsis) {
        static Marks of(boolean unicode) {
            return unicode ? new Marks("✓", "✗", " · ", "…") : new Marks("+", "-", ", ", "...");
        }
    }

    private AnswerFeedback() {
    }

    static boolean unsure(Grade grade) {
        return grade != null && grade.verdict() == Verdict.UNSURE;
    }

    /** Prints the feedback on {@code grade}, each line after {@code indent}. */
    static void print(PrintWriter out, Grade grade, Marks marks, String indent) {
        out.printf(Locale.ROOT, "%sScore %d/100%s%s%n", indent, grade.score(), marks.dot(), grade.verdict().label());
        for (KeyPointResult k : grade.keyPoints()) {
            out.printf(Locale.ROOT, "%s  %s %s%s%n", indent, k.covered() ? marks.covered() : marks.missed(),
                    k.keyPoint().text(), k.contradicted() ? " (contradicted: " + k.reason() + ")" : "");
        }
        if (unsure(grade)) {
            out.println(indent + UNSURE);
        }
        if (!grade.explanation().isBlank()) {
            out.println(indent + grade.explanation());
        }
    }
}
