package dev.lectern.study;

import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.Required;
import dev.lectern.scheduling.ReviewRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a student did with one question in a drill, as the {@link ReviewLog} receives it. */
public sealed interface ReviewOutcome {

    DrillItem item();

    Instant at();

    /**
     * A typed answer (practice or exam) with the grader's grade, when there is one, and the verdict that counts: the
     * grader's when the student accepted it, or the student's own when they overrode it.
     */
    record Answered(DrillItem item, Instant at, DrillMode mode, Optional<Grade> grade, Verdict verdict, String answer,
            Duration taken) implements ReviewOutcome {

        public Answered {
            Required.nonNull(item, at, mode, grade, verdict);
            answer = answer == null ? "" : answer;
            taken = taken == null || taken.isNegative() ? Duration.ZERO : taken;
        }

        /** Without the typed answer or the time taken. */
        public Answered(DrillItem item, Instant at, DrillMode mode, Optional<Grade> grade, Verdict verdict) {
            this(item, at, mode, grade, verdict, "", Duration.ZERO);
        }

        /** True when the student's verdict differs from the grader's (or there was no grade to accept). */
        public boolean overridden() {
            return grade.map(g -> g.verdict() != verdict).orElse(true);
        }
    }

    /** A flashcard rated after the reference answer was revealed. */
    record Rated(DrillItem item, Instant at, FlashcardRating rating, Duration taken) implements ReviewOutcome {

        public Rated {
            Required.nonNull(item, at, rating);
            taken = taken == null || taken.isNegative() ? Duration.ZERO : taken;
        }

        public Rated(DrillItem item, Instant at, FlashcardRating rating) {
            this(item, at, rating, Duration.ZERO);
        }
    }

    /**
     * A scheduled review: the student typed an answer (graded, when the grader could) or only recalled it, and chose
     * the rating, which the verdict suggested.
     */
    record Reviewed(DrillItem item, Instant at, FlashcardRating rating, Optional<Grade> grade,
            Optional<Verdict> verdict, String answer, Duration taken) implements ReviewOutcome {

        public Reviewed {
            Required.nonNull(item, at, rating, grade, verdict);
            answer = answer == null ? "" : answer;
            taken = taken == null || taken.isNegative() ? Duration.ZERO : taken;
        }
    }

    /** The log entry for this outcome: a typed answer's verdict becomes the rating it suggests. */
    default ReviewRecord toRecord() {
        CardKey card = item().card();
        if (this instanceof Answered a) {
            ReviewMode mode = a.mode() == DrillMode.EXAM ? ReviewMode.EXAM
                    : a.mode() == DrillMode.FLASHCARDS ? ReviewMode.FLASHCARD : ReviewMode.PRACTICE;
            return new ReviewRecord(card, a.at(), FlashcardRating.suggestedFor(a.verdict()), score(a.grade()),
                    Optional.of(a.verdict()), a.answer(), a.taken(), mode, a.grade().map(Grade::verdict));
        }
        if (this instanceof Rated r) {
            return new ReviewRecord(card, r.at(), r.rating(), java.util.OptionalInt.empty(), Optional.empty(), "",
                    r.taken(), ReviewMode.FLASHCARD);
        }
        Reviewed r = (Reviewed) this;
        return new ReviewRecord(card, r.at(), r.rating(), score(r.grade()), r.verdict(), r.answer(), r.taken(),
                ReviewMode.REVIEW);
    }

    private static java.util.OptionalInt score(Optional<Grade> grade) {
        return grade.map(g -> java.util.OptionalInt.of(g.score())).orElse(java.util.OptionalInt.empty());
    }
}
