package dev.lectern.store;

import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Taking back a rating ({@code review_undo}): the review stays in the log, an undo naming it is appended, and the card
 * states are rebuilt from the reviews that still count ({@code kept_review}).
 */
final class ReviewUndo {

    private ReviewUndo() {
    }

    /**
     * Records that {@code review} is taken back, inside a transaction: the newest review in the log with its card,
     * time, rating and mode that is not taken back already.
     *
     * @return false when the log holds no such review
     */
    static boolean record(Connection c, ReviewRecord review, Instant at, Fsrs fsrs) throws SQLException {
        ReviewRecord stored = ReviewTable.asStored(review);
        long id;
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM kept_review WHERE set_id = ?"
                + " AND question_id = ? AND at = ? AND rating = ? AND mode = ? ORDER BY id DESC LIMIT 1")) {
            select.setString(1, stored.card().setId());
            select.setString(2, stored.card().questionId());
            select.setLong(3, stored.at().toEpochMilli());
            select.setInt(4, stored.rating().number());
            select.setString(5, stored.mode().code());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO review_undo (review_id, at) VALUES (?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, at.toEpochMilli());
            insert.executeUpdate();
        }
        CardTable.rebuild(c, fsrs);
        return true;
    }
}
