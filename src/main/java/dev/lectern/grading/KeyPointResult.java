package dev.lectern.grading;

import dev.lectern.course.KeyPoint;
import java.util.List;

/**
 * Whether the answer covered one key point, how closely (0..1), and the student's words that matched it (empty when
 * missed). A key point the answer contradicts is not covered: {@code contradicted} is set and {@code reason} says in
 * one line what the answer says instead, with {@code evidence} on the words that say it.
 */
public record KeyPointResult(KeyPoint keyPoint, boolean covered, double similarity, List<Span> evidence,
                             boolean contradicted, String reason) {
    public KeyPointResult {
        evidence = List.copyOf(evidence);
        reason = reason == null ? "" : reason;
        if (covered && contradicted) {
            throw new IllegalArgumentException("a key point cannot be both covered and contradicted");
        }
    }

    /** A key point covered or missed, not contradicted. */
    public KeyPointResult(KeyPoint keyPoint, boolean covered, double similarity, List<Span> evidence) {
        this(keyPoint, covered, similarity, evidence, false, "");
    }
}
