package dev.lectern.study;

import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import java.util.List;

/** An exam's result: points out of 100 per question, and how many answers got each verdict. */
public record ExamTotal(int points, int maxPoints, int correct, int partial, int incorrect) {

    static ExamTotal of(List<Grade> grades) {
        int points = grades.stream().mapToInt(Grade::score).sum();
        return new ExamTotal(points, 100 * grades.size(), count(grades, Verdict.CORRECT),
                count(grades, Verdict.PARTIAL), count(grades, Verdict.INCORRECT));
    }

    private static int count(List<Grade> grades, Verdict verdict) {
        return (int) grades.stream().filter(g -> g.verdict() == verdict).count();
    }

    /** Points as a whole percentage of the maximum, rounded. */
    public int percent() {
        return maxPoints == 0 ? 0 : (int) Math.round(100.0 * points / maxPoints);
    }
}
