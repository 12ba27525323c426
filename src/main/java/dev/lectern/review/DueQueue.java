package dev.lectern.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Today's queue: the cards that are due, then new cards up to what the day still allows. */
public final class DueQueue {

    private DueQueue() {
    }

    /**
     * The cards to review now, from {@code courseCards} (in course order): due cards first, most overdue first, then
     * up to {@code newAllowance} cards never reviewed, in course order. Cards not in {@code courseCards} (removed from
     * the files) are left out; {@code states} may lack cards, which are then new.
     */
    public static List<CardKey> build(List<CardKey> courseCards, Map<CardKey, CardState> states, Instant now,
            int newAllowance) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Placeholder until the fsrs branch is merged: new cards first reviewed on {@code day}. */
    public static int newIntroducedOn(List<ReviewRecord> log, LocalDate day, ZoneId zone) {
        throw new UnsupportedOperationException("not written yet");
    }
}
