package dev.lectern.review;

import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a student did with one question in a drill, as the {@link ReviewLog} receives it. */
public sealed interface ReviewOutcome {

    DrillItem item();

    Instant at();

    /**
     * A typed answer (practice or exam) with the grader's grade, when there is one, and the verdict that counts: the
     * grader's when the student accepted it, or the student's own when they overrode it.
     */
    record Answered(DrillItem item, Instant at, DrillMode mode, Optional<Grade> grade, Verdict verdict)
            implements ReviewOutcome {

        public Answered {
            Objects.requireNonNull(item);
            Objects.requireNonNull(at);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(grade);
            Objects.requireNonNull(verdict);
        }

        /** True when the student's verdict differs from the grader's (or there was no grade to accept). */
        public boolean overridden() {
            return grade.map(g -> g.verdict() != verdict).orElse(true);
        }
    }

    /** A flashcard rated after the reference answer was revealed. */
    record Rated(DrillItem item, Instant at, FlashcardRating rating) implements ReviewOutcome {

        public Rated {
            Objects.requireNonNull(item);
            Objects.requireNonNull(at);
            Objects.requireNonNull(rating);
        }
    }
}
