package dev.lectern.store;

import dev.lectern.scheduling.CardHistory;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code card} table: each card's current state, a cache of the scheduler applied to the review log that
 * {@link #rebuild} can always recompute.
 */
final class CardTable {

    private CardTable() {
    }

    /** A card state as the database keeps it: times to the millisecond. */
    static CardState asStored(CardState s) {
        return new CardState(s.phase(), s.step(), s.stability(), s.difficulty(),
                s.due().map(d -> d.truncatedTo(ChronoUnit.MILLIS)),
                s.lastReview().map(d -> d.truncatedTo(ChronoUnit.MILLIS)), s.reps(), s.lapses());
    }

    /** Updates the card of a review just put in the log; inside the transaction that put it there. */
    static void afterReview(Connection c, ReviewRecord r, ReviewTable.Order order, Fsrs fsrs) throws SQLException {
        Optional<CardState> before = state(c, r.card());
        CardState after;
        Optional<Instant> last = before.flatMap(CardState::lastReview);
        if (last.isPresent() && (last.get().isAfter(r.at()) || (last.get().equals(r.at())
                && ReviewTable.anyAfter(c, CardRenames.read(c).sourcesOf(r.card()), order)))) {
            // Not the card's last review in the merged log (a clock set back, a journal's, another device's at the
            // same millisecond): replay the card's whole history in that order.
            after = CardHistory.replayInOrder(r.card(), ReviewTable.of(c, r.card()), fsrs);
        } else {
            after = fsrs.apply(before.orElse(CardState.NEW), r);
        }
        if (before.isPresent() || !after.isNew()) {
            put(c, r.card(), after); // A question only practised where practice does not reschedule stays new.
        }
    }

    static Optional<CardState> state(Connection c, CardKey card) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT phase, step, stability, difficulty, due,"
                + " last_review, reps, lapses FROM card WHERE set_id = ? AND question_id = ?")) {
            select.setString(1, card.setId());
            select.setString(2, card.questionId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(readState(rs, 1)) : Optional.empty();
            }
        }
    }

    /** Every card in the table with its cached state. */
    static Map<CardKey, CardState> all(Connection c) throws SQLException {
        Map<CardKey, CardState> states = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT set_id, question_id, phase, step,"
                + " stability, difficulty, due, last_review, reps, lapses FROM card");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                states.put(new CardKey(rs.getString(1), rs.getString(2)), readState(rs, 3));
            }
        }
        return states;
    }

    private static CardState readState(ResultSet rs, int first) throws SQLException {
        CardPhase phase = CardPhase.valueOf(rs.getString(first).toUpperCase(Locale.ROOT));
        int step = rs.getInt(first + 1);
        double stability = rs.getDouble(first + 2);
        double difficulty = rs.getDouble(first + 3);
        long due = rs.getLong(first + 4);
        Optional<Instant> dueAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(due));
        long last = rs.getLong(first + 5);
        Optional<Instant> lastAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
        return new CardState(phase, step, stability, difficulty, dueAt, lastAt, rs.getInt(first + 6),
                rs.getInt(first + 7));
    }

    private static void put(Connection c, CardKey card, CardState state) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT OR REPLACE INTO card (set_id, question_id, phase,"
                + " step, stability, difficulty, due, last_review, reps, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, card.setId());
            upsert.setString(2, card.questionId());
            upsert.setString(3, state.phase().name().toLowerCase(Locale.ROOT));
            upsert.setInt(4, state.step());
            upsert.setDouble(5, state.stability());
            upsert.setDouble(6, state.difficulty());
            setInstant(upsert, 7, state.due());
            setInstant(upsert, 8, state.lastReview());
            upsert.setInt(9, state.reps());
            upsert.setInt(10, state.lapses());
            upsert.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement s, int index, Optional<Instant> at) throws SQLException {
        if (at.isPresent()) {
            s.setLong(index, at.get().toEpochMilli());
        } else {
            s.setNull(index, Types.INTEGER);
        }
    }

    /**
     * Writes the card states replayed from the log that differ from the cached ones, and removes cards without
     * reviews; inside a transaction.
     *
     * @return how many cards changed
     */
    static int rebuild(Connection c, Fsrs fsrs) throws SQLException {
        Map<CardKey, CardState> stored = all(c);
        Map<CardKey, CardState> replayed = replayAll(c, fsrs);
        int changed = 0;
        for (Map.Entry<CardKey, CardState> e : replayed.entrySet()) {
            if (!e.getValue().equals(stored.get(e.getKey()))) {
                put(c, e.getKey(), e.getValue());
                changed++;
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM card WHERE set_id = ? AND question_id = ?")) {
            for (CardKey orphan : stored.keySet()) {
                if (!replayed.containsKey(orphan)) {
                    delete.setString(1, orphan.setId());
                    delete.setString(2, orphan.questionId());
                    delete.executeUpdate();
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Every card's state replayed from the saved log. */
    static Map<CardKey, CardState> replayAll(Connection c, Fsrs fsrs) throws SQLException {
        CardRenames renames = CardRenames.read(c);
        if (!renames.isEmpty()) {
            return replayAll(c, fsrs, renames);
        }
        Map<CardKey, CardState> states = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + ReviewTable.REVIEW_COLUMNS
                + " FROM kept_review ORDER BY set_id, question_id, at, device, seq"); ResultSet rs = select.executeQuery()) {
            CardKey current = null;
            List<ReviewRecord> history = new ArrayList<>();
            while (rs.next()) {
                ReviewRecord r = ReviewTable.read(rs, 1);
                if (!r.card().equals(current)) {
                    if (current != null) {
                        putUnlessNew(states, current, CardHistory.replayInOrder(current, history, fsrs));
                    }
                    current = r.card();
                    history = new ArrayList<>();
                }
                history.add(r);
            }
            if (current != null) {
                putUnlessNew(states, current, CardHistory.replayInOrder(current, history, fsrs));
            }
        }
        return states;
    }

    /** Every card's state replayed from the saved log, each review counted for the key it is renamed to. */
    private static Map<CardKey, CardState> replayAll(Connection c, Fsrs fsrs, CardRenames renames)
            throws SQLException {
        Map<CardKey, List<ReviewRecord>> histories = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + ReviewTable.REVIEW_COLUMNS
                + " FROM kept_review ORDER BY at, device, seq"); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ReviewRecord r = renames.apply(ReviewTable.read(rs, 1));
                histories.computeIfAbsent(r.card(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<CardKey, CardState> states = new LinkedHashMap<>();
        histories.forEach((card, history) -> putUnlessNew(states, card, CardHistory.replayInOrder(card, history, fsrs)));
        return states;
    }

    /** A question whose reviews all leave it new (only practised where practice does not reschedule) has no card. */
    private static void putUnlessNew(Map<CardKey, CardState> states, CardKey card, CardState state) {
        if (!state.isNew()) {
            states.put(card, asStored(state));
        }
    }
}
