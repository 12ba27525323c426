package dev.lectern.store;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.sqlite.Sqlite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The question ids renamed with their history carried over ({@code card_rename}, oldest first). A review counts for
 * the key it was made on, renamed by every rename made at or after its time, in order: so {@code a → b} then
 * {@code b → c} gives a's old reviews to c, and a new question that takes the old id later starts afresh.
 */
record CardRenames(List<Rename> renames) {

    static final CardRenames NONE = new CardRenames(List.of());

    record Rename(CardKey from, CardKey to, Instant at) {
    }

    CardRenames {
        renames = List.copyOf(renames);
    }

    boolean isEmpty() {
        return renames.isEmpty();
    }

    /** The key a review made on {@code key} at {@code at} counts for now. */
    CardKey apply(CardKey key, Instant at) {
        CardKey current = key;
        for (Rename r : renames) {
            if (!r.at().isBefore(at) && r.from().equals(current)) {
                current = r.to();
            }
        }
        return current;
    }

    /** The review with the key it counts for now (itself when no rename touches it). */
    ReviewRecord apply(ReviewRecord review) {
        return review.withCard(apply(review.card(), review.at()));
    }

    /** Every key whose reviews may count for {@code key}: itself and each key renamed away from. */
    Set<CardKey> sourcesOf(CardKey key) {
        Set<CardKey> keys = new LinkedHashSet<>();
        keys.add(key);
        renames.forEach(r -> keys.add(r.from()));
        return keys;
    }

    /** Records that {@code from} was renamed {@code to} at {@code at}; inside a transaction. */
    static void record(Connection c, CardKey from, CardKey to, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO card_rename"
                + " (from_set, from_question, to_set, to_question, at, device, seq) VALUES (?, ?, ?, ?, ?,"
                + " (SELECT value FROM setting WHERE key = 'device'), (SELECT coalesce(max(seq), 0) + 1"
                + " FROM card_rename WHERE device = (SELECT value FROM setting WHERE key = 'device')))")) {
            insert.setString(1, from.setId());
            insert.setString(2, from.questionId());
            insert.setString(3, to.setId());
            insert.setString(4, to.questionId());
            insert.setLong(5, at.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The renames in the database, oldest first; none in a database from before they existed (version 2). */
    static CardRenames read(Connection c) throws SQLException {
        if (!Sqlite.hasTable(c, "card_rename")) {
            return NONE;
        }
        List<Rename> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT from_set, from_question, to_set, to_question, at"
                + " FROM card_rename ORDER BY at, device, seq"); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.add(new Rename(new CardKey(rs.getString(1), rs.getString(2)),
                        new CardKey(rs.getString(3), rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
        return new CardRenames(out);
    }
}
