package dev.lectern.study;

/**
 * Where drills report every outcome. Implementations decide what to keep; the progress store and the review
 * scheduler plug in here.
 */
@FunctionalInterface
public interface ReviewLog {

    void record(ReviewOutcome outcome);
}
