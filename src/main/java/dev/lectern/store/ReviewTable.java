package dev.lectern.store;

import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO review"
                    + " (" + REVIEW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < reviews.size(); i++) {
                    ReviewRecord r = reviews.get(i);
                    if (i < checked && contains(c, r)) {
                        continue;
                    }
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
                    insert.executeUpdate();
                    CardTable.afterReview(c, r, fsrs);
                    added++;
                }
            }
            return added;
        });
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

    /** The reviews that count for {@code card}, oldest first: its own, and those of keys renamed to it. */
    static List<ReviewRecord> of(Connection c, CardKey card) throws SQLException {
        CardRenames renames = CardRenames.read(c);
        List<ReviewRecord> reviews = new ArrayList<>();
        for (CardKey source : renames.sourcesOf(card)) {
            try (PreparedStatement select = c.prepareStatement("SELECT " + REVIEW_COLUMNS
                    + " FROM kept_review WHERE set_id = ? AND question_id = ? ORDER BY at, id")) {
                select.setString(1, source.setId());
                select.setString(2, source.questionId());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ReviewRecord r = renames.apply(read(rs, 1));
                        if (r.card().equals(card)) {
                            reviews.add(r);
                        }
                    }
                }
            }
        }
        reviews.sort(Comparator.comparing(ReviewRecord::at)); // stable: in log order at one time
        return reviews;
    }

    /** Reviews with {@code from <= at < to}, oldest first. */
    static List<ReviewRecord> between(Connection c, Instant from, Instant to) throws SQLException {
        List<ReviewRecord> reviews = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM kept_review WHERE at >= ? AND at < ? ORDER BY at, id")) {
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
                + " FROM kept_review ORDER BY at, id"); ResultSet rs = select.executeQuery()) {
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
