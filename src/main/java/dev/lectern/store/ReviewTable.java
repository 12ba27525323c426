package dev.lectern.store;

import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.sqlite.Sqlite;
import dev.lectern.store.sqlite.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The review log ({@code review} table): append-only, each review counted for the key it is renamed to
 * ({@link CardRenames}).
 */
final class ReviewTable {

    static final String REVIEW_COLUMNS = "set_id, question_id, at, rating, score, verdict, answer, taken_ms, mode,"
            + " grader_verdict";

    /** Where a review stands in the merged log ({@link Order}). */
    static final String ORDER_COLUMNS = "at, device, seq";

    private ReviewTable() {
    }

    /** The review as the database keeps it: times to the millisecond. */
    static ReviewRecord asStored(ReviewRecord r) {
        return r.withTimes(r.at().truncatedTo(ChronoUnit.MILLIS), Duration.ofMillis(r.taken().toMillis()));
    }

    /** Appends the reviews, each with its card's new state, in one committed transaction. */
    static void append(Connection connection, List<ReviewRecord> reviews, Fsrs fsrs) throws SQLException {
        appendMissing(connection, reviews, 0, fsrs);
    }

    /**
     * Appends the reviews, each with its card's new state, in one committed transaction; of the first {@code checked}
     * (ones that may be in the log already: from a journal, or held by a connection to a file that was replaced),
     * only those the log does not hold yet.
     *
     * @return how many were appended
     */
    static int appendMissing(Connection connection, List<ReviewRecord> reviews, int checked, Fsrs fsrs)
            throws SQLException {
        return Transaction.write(connection, c -> {
            int added = 0;
            String device = device(c);
            long seq = lastOf(c, device).seq();
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (int i = 0; i < reviews.size(); i++) {
                    ReviewRecord r = reviews.get(i);
                    if (i < checked && contains(c, r)) {
                        continue;
                    }
                    Order order = new Order(r.at().toEpochMilli(), device, ++seq);
                    bind(insert, r, order);
                    insert.executeUpdate();
                    CardTable.afterReview(c, r, order, fsrs);
                    added++;
                }
            }
            return added;
        });
    }

    /** Inserts a review; its place in the merged log, {@code order}, carries its global id (device and sequence). */
    static final String INSERT = "INSERT INTO review (" + REVIEW_COLUMNS + ", device, seq) "
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Inserts a review (one that may be there already, from another device, is left out with {@code OR IGNORE}). */
    static final String INSERT_SHARED = INSERT.replace("INSERT INTO", "INSERT OR IGNORE INTO");

    /** Sets the parameters of {@link #INSERT}. */
    static void bind(PreparedStatement insert, ReviewRecord r, Order order) throws SQLException {
        insert.setString(1, r.card().setId());
        insert.setString(2, r.card().questionId());
        insert.setLong(3, r.at().toEpochMilli());
        insert.setInt(4, r.rating().number());
        if (r.score().isPresent()) {
            insert.setInt(5, r.score().getAsInt());
        } else {
            insert.setNull(5, Types.INTEGER);
        }
        insert.setString(6, r.verdict().map(Verdict::label).orElse(null));
        insert.setString(7, r.answer());
        insert.setLong(8, r.taken().toMillis());
        insert.setString(9, r.mode().code());
        insert.setString(10, r.graded().map(Verdict::label).orElse(null));
        insert.setString(11, order.device());
        insert.setLong(12, order.seq());
    }

    /**
     * A review's place in the merged log: by its time, then the device that made it and its place in that device's
     * sequence. Every device that holds the same reviews puts them in the same order; one device's reviews are ordered
     * by its own clock alone, whatever the others' say.
     */
    record Order(long at, String device, long seq) implements Comparable<Order> {

        @Override
        public int compareTo(Order o) {
            int by = Long.compare(at, o.at);
            if (by == 0) {
                by = device.compareTo(o.device);
            }
            return by != 0 ? by : Long.compare(seq, o.seq);
        }
    }

    /** This database's device id, made by schema version 7. */
    static String device(Connection c) throws SQLException {
        List<String> ids = Sqlite.queryStrings(c, "SELECT value FROM setting WHERE key = 'device'");
        if (ids.isEmpty()) {
            throw new SQLException("the progress database has no device id");
        }
        return ids.get(0);
    }

    /** The review {@code device} made last, as far as this log holds it (sequence 0 when none). */
    static Order lastOf(Connection c, String device) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ORDER_COLUMNS
                + " FROM review WHERE device = ? ORDER BY seq DESC LIMIT 1")) {
            select.setString(1, device);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? order(rs, 1) : new Order(Long.MIN_VALUE, device, 0);
            }
        }
    }

    /** The order from {@link #ORDER_COLUMNS}, starting at column {@code f}. */
    static Order order(ResultSet rs, int f) throws SQLException {
        return new Order(rs.getLong(f), rs.getString(f + 1), rs.getLong(f + 2));
    }

    /** Whether a review of one of {@code sources} at the same time comes after {@code order} in the merged log. */
    static boolean anyAfter(Connection c, java.util.Collection<CardKey> sources, Order order) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM kept_review WHERE set_id = ?"
                + " AND question_id = ? AND at = ? AND (device > ? OR (device = ? AND seq > ?)) LIMIT 1")) {
            for (CardKey key : sources) {
                select.setString(1, key.setId());
                select.setString(2, key.questionId());
                select.setLong(3, order.at());
                select.setString(4, order.device());
                select.setString(5, order.device());
                select.setLong(6, order.seq());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the log holds this review already (same card, time, rating and mode). */
    static boolean contains(Connection c, ReviewRecord r) throws SQLException {
        return newestLike(c, r, "review").isPresent();
    }

    /**
     * The id of the newest review in {@code table} ({@code review}, or {@code kept_review} for those not taken back)
     * with the card, time, rating and mode of {@code r}.
     */
    static java.util.OptionalLong newestLike(Connection c, ReviewRecord r, String table) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM " + table + " WHERE set_id = ?"
                + " AND question_id = ? AND at = ? AND rating = ? AND mode = ? ORDER BY id DESC LIMIT 1")) {
            select.setString(1, r.card().setId());
            select.setString(2, r.card().questionId());
            select.setLong(3, r.at().toEpochMilli());
            select.setInt(4, r.rating().number());
            select.setString(5, r.mode().code());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
            }
        }
    }

    /** A review from {@link #REVIEW_COLUMNS}, starting at column {@code f}. */
    static ReviewRecord read(ResultSet rs, int f) throws SQLException {
        CardKey card = new CardKey(rs.getString(f), rs.getString(f + 1));
        Instant at = Instant.ofEpochMilli(rs.getLong(f + 2));
        FlashcardRating rating = FlashcardRating.ofNumber(rs.getInt(f + 3))
                .orElseThrow(() -> new SQLException("a review has a rating outside 1-4"));
        int score = rs.getInt(f + 4);
        OptionalInt scored = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
        return new ReviewRecord(card, at, rating, scored, verdictIn(rs, f + 5), rs.getString(f + 6),
                Duration.ofMillis(rs.getLong(f + 7)), ReviewMode.fromCode(rs.getString(f + 8)), verdictIn(rs, f + 9));
    }

    private static Optional<Verdict> verdictIn(ResultSet rs, int column) throws SQLException {
        String label = rs.getString(column);
        return label == null ? Optional.empty() : Optional.of(Verdict.fromLabel(label));
    }

    /** The reviews that count for {@code card}, in the order of the merged log: its own, and those renamed to it. */
    static List<ReviewRecord> of(Connection c, CardKey card) throws SQLException {
        CardRenames renames = CardRenames.read(c);
        List<Map.Entry<Order, ReviewRecord>> reviews = new ArrayList<>();
        for (CardKey source : renames.sourcesOf(card)) {
            try (PreparedStatement select = c.prepareStatement("SELECT " + REVIEW_COLUMNS + ", " + ORDER_COLUMNS
                    + " FROM kept_review WHERE set_id = ? AND question_id = ?")) {
                select.setString(1, source.setId());
                select.setString(2, source.questionId());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ReviewRecord r = renames.apply(read(rs, 1));
                        if (r.card().equals(card)) {
                            reviews.add(Map.entry(order(rs, 11), r));
                        }
                    }
                }
            }
        }
        reviews.sort(Map.Entry.comparingByKey());
        return reviews.stream().map(Map.Entry::getValue).toList();
    }

    /** Reviews with {@code from <= at < to}, oldest first. */
    static List<ReviewRecord> between(Connection c, Instant from, Instant to) throws SQLException {
        List<ReviewRecord> reviews = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM kept_review WHERE at >= ? AND at < ? ORDER BY at, device, seq")) {
            select.setLong(1, from.toEpochMilli());
            select.setLong(2, to.toEpochMilli());
            CardRenames renames = CardRenames.read(c);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    reviews.add(renames.apply(read(rs, 1)));
                }
            }
        }
        return reviews;
    }

    /** The whole log as it was written, in the order it was written (no renames applied). */
    static List<ReviewRecord> asLogged(Connection c) throws SQLException {
        List<ReviewRecord> reviews = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + REVIEW_COLUMNS + " FROM review ORDER BY id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                reviews.add(read(rs, 1));
            }
        }
        return reviews;
    }

    /** The whole log, oldest first. */
    static List<ReviewRecord> all(Connection c) throws SQLException {
        List<ReviewRecord> reviews = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM kept_review ORDER BY at, device, seq"); ResultSet rs = select.executeQuery()) {
            CardRenames renames = CardRenames.read(c);
            while (rs.next()) {
                reviews.add(renames.apply(read(rs, 1)));
            }
        }
        return reviews;
    }

    /**
     * How many cards had their first review on {@code day} in {@code zone}, in the log or among {@code pending} (the
     * reviews kept in memory); by the keys in the log, so only while no card was renamed.
     */
    static int firstReviewedOn(Connection c, List<ReviewRecord> pending, LocalDate day, ZoneId zone,
            Set<ReviewMode> rescheduling) throws SQLException {
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        String modes = String.join(", ", rescheduling.stream().map(m -> "'" + m.code() + "'").toList());
        int count;
        try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM (SELECT min(at) AS first"
                + " FROM kept_review WHERE mode IN (" + modes + ") GROUP BY set_id, question_id)"
                + " WHERE first >= ? AND first < ?")) {
            select.setLong(1, from);
            select.setLong(2, to);
            try (ResultSet rs = select.executeQuery()) {
                count = rs.next() ? rs.getInt(1) : 0;
            }
        }
        Set<CardKey> known = new HashSet<>();
        for (ReviewRecord r : pending) {
            if (rescheduling.contains(r.mode()) && known.add(r.card()) && CardTable.state(c, r.card()).isEmpty()
                    && r.at().toEpochMilli() >= from && r.at().toEpochMilli() < to) {
                count++;
            }
        }
        return count;
    }
}
