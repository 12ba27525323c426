package dev.lectern.app;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.exams.ExamStore;
import dev.lectern.store.Progress;
import dev.lectern.store.ProgressStore;
import dev.lectern.store.SaveResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The progress store, opened on a thread of its own while the window comes up (opening the database loads SQLite's
 * native library and may repair or upgrade the file); every call waits for the opening to finish, which it has long
 * before anyone reviews.
 */
final class OpeningProgress implements Progress {

    private final CompletableFuture<ProgressStore> opening;

    private OpeningProgress(CompletableFuture<ProgressStore> opening) {
        this.opening = opening;
    }

    /** Starts opening the store of {@code dataDir}. */
    static OpeningProgress open(Path dataDir, Clock clock) {
        CompletableFuture<ProgressStore> opening = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                opening.complete(ProgressStore.open(dataDir, clock));
            } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
            }
        }, "lectern-progress-open");
        thread.setDaemon(true);
        thread.start();
        return new OpeningProgress(opening);
    }

    /** Completes with the store once it is open. */
    CompletableFuture<ProgressStore> whenOpen() {
        return opening;
    }

    private ProgressStore store() {
        return opening.join();
    }

    @Override
    public SaveResult append(ReviewRecord review) {
        return store().append(review);
    }

    @Override
    public SaveResult retryPending() {
        return store().retryPending();
    }

    @Override
    public int pendingCount() {
        return store().pendingCount();
    }

    @Override
    public boolean readOnly() {
        return store().readOnly();
    }

    @Override
    public List<String> notices() {
        return store().notices();
    }

    @Override
    public void sessionEnded() {
        store().sessionEnded();
    }

    @Override
    public Map<CardKey, CardState> cardStates() {
        return store().cardStates();
    }

    @Override
    public List<ReviewRecord> reviews(Instant from, Instant to) {
        return store().reviews(from, to);
    }

    @Override
    public List<ReviewRecord> allReviews() {
        return store().allReviews();
    }

    @Override
    public int newIntroducedOn(LocalDate day, ZoneId zone) {
        return store().newIntroducedOn(day, zone);
    }

    @Override
    public int exportCsv(Path out) throws IOException {
        return store().exportCsv(out);
    }

    @Override
    public List<dev.lectern.store.BackupFile> backups() {
        return store().backups();
    }

    @Override
    public void renameCard(CardKey from, CardKey to) {
        store().renameCard(from, to);
    }

    @Override
    public SchedulerSettings schedulerSettings() {
        return store().schedulerSettings();
    }

    @Override
    public void saveSchedulerSettings(SchedulerSettings settings) {
        store().saveSchedulerSettings(settings);
    }

    @Override
    public ExamStore exams() {
        return store().exams();
    }

    /** Closes the store, now or (if it is still opening) as soon as it is open. */
    @Override
    public void close() {
        opening.thenAccept(ProgressStore::close);
    }
}
