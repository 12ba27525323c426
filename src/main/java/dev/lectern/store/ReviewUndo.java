package dev.lectern.store;

import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
        java.util.OptionalLong found = ReviewTable.newestLike(c, ReviewTable.asStored(review), "kept_review");
        if (found.isEmpty()) {
            return false;
        }
        long id = found.getAsLong();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO review_undo (review_id, at) VALUES (?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, at.toEpochMilli());
            insert.executeUpdate();
        }
        CardTable.rebuild(c, fsrs);
        return true;
    }
}
