package dev.lectern.review;

import java.util.List;

/** Derives a card's state from its reviews: the review log is the truth, card state a cache of this function. */
public final class CardHistory {

    private CardHistory() {
    }

    /** The state after replaying {@code reviews} (oldest first, all of one card) through {@code fsrs}. */
    public static CardState replay(CardKey card, List<ReviewRecord> reviews, Fsrs fsrs) {
        throw new UnsupportedOperationException("not written yet");
    }
}
