package dev.lectern.cli;

import dev.lectern.course.KeyPoint;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Grader;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A grader whose grades tests can predict: an answer that is a whole number gets that score, the reference answer
 * or an alternative gets 100, anything else 0; 60 and up is correct, 30 and up partial. A key point is covered when
 * the answer holds its text or an accepted phrasing, and contradicted when it holds "not" before that text. It can be
 * told to fail on an answer, or to be unsure about one (score 50, verdict unsure).
 */
public final class FakeGrader implements Grader {

    private final Set<String> failOn = ConcurrentHashMap.newKeySet();
    private final Set<String> unsureOn = ConcurrentHashMap.newKeySet();
    private volatile int delayMs;

    FakeGrader failingOn(String answer) {
        failOn.add(answer);
        return this;
    }

    /** Grades {@code answer} 50, unsure, as the claim checks do when they can neither confirm nor contradict it. */
    FakeGrader unsureOn(String answer) {
        unsureOn.add(answer);
        return this;
    }

    /** Makes grade {@code n} take about {@code n % 5 * ms} ms, so parallel grades finish out of order. */
    FakeGrader slow(int ms) {
        this.delayMs = ms;
        return this;
    }

    @Override
    public Grade grade(AnswerKey key, String answer) {
        if (failOn.contains(answer)) {
            throw new IllegalStateException("cannot grade \"" + answer + "\"");
        }
        int score;
        try {
            score = Integer.parseInt(answer.strip());
            if (delayMs > 0) {
                Thread.sleep((long) score % 5 * delayMs);
            }
        } catch (NumberFormatException e) {
            boolean right = answer.strip().equalsIgnoreCase(key.referenceAnswer().strip())
                    || key.alternativeAnswers().stream().anyMatch(a -> a.strip().equalsIgnoreCase(answer.strip()));
            score = right ? 100 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        boolean unsure = unsureOn.contains(answer);
        if (unsure) {
            score = 50;
        }
        Verdict verdict = unsure ? Verdict.UNSURE
                : score >= 60 ? Verdict.CORRECT : score >= 30 ? Verdict.PARTIAL : Verdict.INCORRECT;
        List<KeyPointResult> points = new ArrayList<>();
        String lower = answer.toLowerCase(Locale.ROOT);
        for (KeyPoint k : key.keyPoints()) {
            String text = k.text().toLowerCase(Locale.ROOT);
            if (lower.contains("not " + text)) {
                points.add(new KeyPointResult(k, false, 0.5, List.of(), true, "the answer says it is not " + text));
                continue;
            }
            boolean covered = lower.contains(text)
                    || k.accepted().stream().anyMatch(a -> lower.contains(a.toLowerCase(Locale.ROOT)));
            points.add(new KeyPointResult(k, covered, covered ? 1 : 0, List.of()));
        }
        return new Grade(score, verdict, points, "Graded against: " + key.question(), List.of());
    }
}
