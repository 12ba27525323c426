package dev.lectern.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What FSRS knows of a card after its reviews so far. Derived from the review log by {@link CardHistory#replay}, so
 * it can always be rebuilt.
 *
 * @param step       the learning or relearning step the card is on (0-based); 0 otherwise
 * @param stability  days until retrievability falls to 90%; 0 for a new card
 * @param difficulty 1 (easy) to 10 (hard); 0 for a new card
 * @param due        when the card is next due; empty for a new card
 * @param lastReview the last review's time; empty for a new card
 */
public record CardState(CardPhase phase, int step, double stability, double difficulty, Optional<Instant> due,
        Optional<Instant> lastReview, int reps, int lapses) {

    public static final CardState NEW = new CardState(CardPhase.NEW, 0, 0, 0, Optional.empty(), Optional.empty(), 0, 0);

    public CardState {
        Objects.requireNonNull(phase);
        Objects.requireNonNull(due);
        Objects.requireNonNull(lastReview);
    }

    public boolean isNew() {
        return phase == CardPhase.NEW;
    }

    /** Due at or before {@code now}; new cards are never "due" (they are introduced by the daily limit). */
    public boolean isDue(Instant now) {
        return due.map(d -> !d.isAfter(now)).orElse(false);
    }
}
