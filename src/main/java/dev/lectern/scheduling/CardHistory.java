package dev.lectern.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Derives a card's state from its reviews: the review log is the truth, card state a cache of this function. */
public final class CardHistory {

    private CardHistory() {
    }

    /**
     * The state after replaying {@code reviews} (all of one card) through {@code fsrs}, oldest first: each review
     * applies {@link Fsrs#next} with the fuzz {@link Fsrs#fuzzFor} gives that card at that time, exactly as the review
     * was scheduled live. Reviews of other cards are ignored; reviews at the same time keep their order.
     */
    public static CardState replay(CardKey card, List<ReviewRecord> reviews, Fsrs fsrs) {
        List<ReviewRecord> sorted = new ArrayList<>(reviews);
        sorted.sort(Comparator.comparing(ReviewRecord::at));
        CardState state = CardState.NEW;
        for (ReviewRecord r : sorted) {
            if (r.card().equals(card)) {
                state = fsrs.apply(state, r);
            }
        }
        return state;
    }

    /**
     * The state after replaying {@code reviews} (all of one card) in the order given: a log merged from several devices
     * is ordered by each device's own sequence, not by clocks that may disagree. Reviews of other cards are ignored.
     */
    public static CardState replayInOrder(CardKey card, List<ReviewRecord> reviews, Fsrs fsrs) {
        CardState state = CardState.NEW;
        for (ReviewRecord r : reviews) {
            if (r.card().equals(card)) {
                state = fsrs.apply(state, r);
            }
        }
        return state;
    }
}
