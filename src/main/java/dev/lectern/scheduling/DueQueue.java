package dev.lectern.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Today's queue: the cards that are due, then new cards up to what the day still allows. */
public final class DueQueue {

    private DueQueue() {
    }

    /**
     * The cards to review now, from {@code courseCards} (in course order): due cards first, most overdue first, then
     * up to {@code newAllowance} cards never reviewed, in course order. Cards not in {@code courseCards} (removed from
     * the files) are left out; {@code states} may lack cards, which are then new. Cards due at the same moment keep
     * course order; a card listed twice counts once.
     */
    public static List<CardKey> build(List<CardKey> courseCards, Map<CardKey, CardState> states, Instant now,
            int newAllowance) {
        List<CardKey> due = new ArrayList<>();
        List<CardKey> fresh = new ArrayList<>();
        for (CardKey card : new LinkedHashSet<>(courseCards)) {
            CardState state = states.getOrDefault(card, CardState.NEW);
            if (state.isNew()) {
                if (fresh.size() < newAllowance) {
                    fresh.add(card);
                }
            } else if (state.isDue(now)) {
                due.add(card);
            }
        }
        due.sort(Comparator.comparing(card -> states.get(card).due().orElseThrow()));
        List<CardKey> queue = new ArrayList<>(due);
        queue.addAll(fresh);
        return List.copyOf(queue);
    }

    /**
     * How many cards had their first review ever on {@code day} in {@code zone}, to work out how many new cards the
     * day still allows: {@code max(0, settings.newPerDay() - newIntroducedOn(log, today, zone))}.
     */
    public static int newIntroducedOn(List<ReviewRecord> log, LocalDate day, ZoneId zone) {
        Map<CardKey, Instant> first = new HashMap<>();
        for (ReviewRecord r : log) {
            first.merge(r.card(), r.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        int count = 0;
        for (Instant at : first.values()) {
            if (LocalDate.ofInstant(at, zone).equals(day)) {
                count++;
            }
        }
        return count;
    }
}
