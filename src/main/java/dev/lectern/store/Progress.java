package dev.lectern.store;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.DueQueue;
import dev.lectern.study.ReviewLog;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.exams.ExamStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A student's progress as the rest of Lectern sees it: the review log (append only), the card states derived from it,
 * the scheduler's settings and the exams. The SQLite store is the real one; tests may use their own.
 */
public interface Progress extends ReviewLog, AutoCloseable {

    /** Appends a review and commits it before returning; when that fails it is kept in memory and retried. */
    SaveResult append(ReviewRecord review);

    @Override
    default void record(ReviewOutcome outcome) {
        append(outcome.toRecord());
    }

    /**
     * Takes back {@code review}, a rating of this session (Ctrl+Z, or u at the CLI): the log stays append-only, the undo
     * is recorded and committed, and the card's state is rebuilt from the reviews that still count. A review not yet
     * written (kept in memory) cannot be taken back; the result then says so.
     */
    default SaveResult undo(ReviewRecord review) {
        return new SaveResult(false, pendingCount(), "This progress cannot take a rating back.");
    }

    /**
     * This progress for one drill: its writes go where they would go now, even if the app opens another course's
     * progress before they run (a rating saved just as the student opens another course). A store is its own.
     */
    default Progress pinned() {
        return this;
    }

    /** A review session ended: a good time to fold the database's write-ahead log into it. */
    default void sessionEnded() {
    }

    /** Tries again to write the reviews kept in memory. */
    SaveResult retryPending();

    /** Reviews kept in memory, not yet on disk. */
    int pendingCount();

    /** True when this copy of Lectern may not write (another one has the data folder, or it is read-only). */
    boolean readOnly();

    /** What the user should be told once, after opening (recovered from a damaged file, upgraded, read-only …). */
    List<String> notices();

    /** Every card with at least one review, with its current state (reviews kept in memory included). */
    Map<CardKey, CardState> cardStates();

    /** Reviews with {@code from <= at < to}, oldest first (reviews kept in memory included). */
    List<ReviewRecord> reviews(Instant from, Instant to);

    /** The whole review log, oldest first (reviews kept in memory included). */
    default List<ReviewRecord> allReviews() {
        return reviews(Instant.MIN, Instant.MAX);
    }

    /**
     * How many cards had their first review that reschedules on {@code day} in {@code zone}, for the daily limit of new
     * cards. The store
     * answers from its tables; this default reads the whole log.
     */
    default int newIntroducedOn(LocalDate day, ZoneId zone) {
        SchedulerSettings settings = schedulerSettings();
        return DueQueue.newIntroducedOn(allReviews().stream().filter(r -> settings.reschedules(r.mode())).toList(), day,
                zone);
    }

    /** The backups of this progress, newest first, each read to count its reviews; none for one that keeps none. */
    default List<BackupFile> backups() {
        return List.of();
    }

    /**
     * Writes the whole review log to {@code out} as CSV, one row per review, oldest first.
     *
     * @return how many reviews were written
     * @throws IOException when the file cannot be written
     */
    int exportCsv(Path out) throws IOException;

    /**
     * Carries the review history of {@code from} over to {@code to}, after a question's id was renamed in its file:
     * reviews of {@code from} made until now count for {@code to} (card state, listed reviews). The log is not changed.
     *
     * @throws UnsupportedOperationException when this progress cannot record renames
     */
    default void renameCard(CardKey from, CardKey to) {
        throw new UnsupportedOperationException("This progress cannot carry review history over to a new id.");
    }

    SchedulerSettings schedulerSettings();

    void saveSchedulerSettings(SchedulerSettings settings);

    ExamStore exams();

    @Override
    void close();
}
