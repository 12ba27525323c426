package dev.lectern.review;

import java.time.Duration;

/** Placeholder until the fsrs branch is merged: how long until a card comes back, in a few characters. */
public final class IntervalText {

    private IntervalText() {
    }

    public static String of(Duration interval) {
        throw new UnsupportedOperationException("not written yet");
    }
}
