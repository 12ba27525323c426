package dev.lectern.cli.grade;

import dev.lectern.course.Course;
import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.Problem;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Grader;
import dev.lectern.grading.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lectern validate} says of judged examples: a warning at each example whose grade by the reference
 * answer and key points alone (the examples left out) disagrees with the verdict a person gave it, which is how an
 * instructor tunes a question.
 */
public final class ExampleCheck {

    private ExampleCheck() {
    }

    /** How many judged examples the course has. */
    public static int count(Course course) {
        int n = 0;
        for (QuestionSet set : course.questionSets()) {
            for (Question q : set.questions()) {
                n += q.examples().size();
            }
        }
        return n;
    }

    /** A warning for each example the grader disagrees with, in file order. */
    public static List<Problem> check(Course course, Grader grader) {
        List<Problem> out = new ArrayList<>();
        for (QuestionSet set : course.questionSets()) {
            for (Question q : set.questions()) {
                AnswerKey key = AnswerKey.of(q).withoutExamples();
                for (JudgedExample e : q.examples()) {
                    Grade g = grader.grade(key, e.answer());
                    if (!agrees(g.verdict(), e.verdict())) {
                        out.add(Problem.warning(q.source().file(), e.line(), e.column(), message(q, e, g)));
                    }
                }
            }
        }
        out.sort(Problem.IN_FILE_ORDER);
        return out;
    }

    static boolean agrees(Verdict grader, ExampleVerdict person) {
        return grader.label().equals(person.key());
    }

    private static String message(Question q, JudgedExample e, Grade g) {
        String says = "This example of \"" + q.id() + "\" is marked " + e.verdict().key() + ", but the grader says "
                + g.verdict().label() + " (" + g.score() + "/100)";
        boolean tooLow = e.verdict() == ExampleVerdict.CORRECT
                || e.verdict() == ExampleVerdict.PARTIAL && g.verdict() == Verdict.INCORRECT;
        return says + (tooLow ? ": add a key point or an accepted phrasing?"
                : ": does a key point or accepted phrasing accept too much, or is a key point missing?");
    }
}
