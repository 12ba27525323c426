package dev.lectern.review;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * FSRS-6, the free spaced-repetition scheduler, as a pure function: the next state of a card from its state, a
 * rating, the time, and the fuzz drawn for this review (passed in, so replaying the log gives the same states).
 */
public final class Fsrs {

    private final SchedulerSettings settings;

    public Fsrs(SchedulerSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public SchedulerSettings settings() {
        return settings;
    }

    /**
     * The card's state after a review.
     *
     * @param fuzz a number in [0, 1) that spreads review intervals (see {@link #fuzzFor}); ignored when fuzz is off
     */
    public CardState next(CardState state, FlashcardRating rating, Instant now, double fuzz) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** What each rating would give, for the buttons' interval labels. */
    public Map<FlashcardRating, CardState> preview(CardState state, Instant now, double fuzz) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** The probability of recalling the card at {@code now}; 0 for a new card. */
    public double retrievability(CardState state, Instant now) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** The fuzz for a review of {@code card} at {@code at}: a fixed function of the two, in [0, 1). */
    public static double fuzzFor(CardKey card, Instant at) {
        throw new UnsupportedOperationException("not written yet");
    }
}
