package dev.lectern.grading;

import java.util.List;

/**
 * The result of grading one answer: a score from 0 to 100, a verdict, each key point covered or missed, a one-line
 * explanation a student can act on, and the signals behind the score.
 */
public record Grade(int score, Verdict verdict, List<KeyPointResult> keyPoints, String explanation, List<Signal> signals) {

    public Grade {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score out of range: " + score);
        }
        keyPoints = List.copyOf(keyPoints);
        signals = List.copyOf(signals);
    }

    /** Whether the grader found the answer contradicting a key point or a claim of the reference. */
    public boolean contradicts() {
        return keyPoints.stream().anyMatch(KeyPointResult::contradicted)
                || signals.stream().anyMatch(s -> s.name().equals("contradictions") && s.value() > 0);
    }

    public long coveredCount() {
        return keyPoints.stream().filter(KeyPointResult::covered).count();
    }
}
