package dev.lectern.review;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A review log that keeps the outcomes of this run in memory, in the order they came. */
public final class InMemoryReviewLog implements ReviewLog {

    private final List<ReviewOutcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void record(ReviewOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Everything recorded so far, oldest first. */
    public List<ReviewOutcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
