package dev.lectern.grading;

import dev.lectern.course.KeyPoint;
import java.util.List;

/**
 * Whether the answer covered one key point, how closely (0..1), and the student's words that matched it (empty when
 * missed).
 */
public record KeyPointResult(KeyPoint keyPoint, boolean covered, double similarity, List<Span> evidence) {
    public KeyPointResult {
        evidence = List.copyOf(evidence);
    }
}
