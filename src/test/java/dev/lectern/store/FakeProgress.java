package dev.lectern.store;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.exams.ExamStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Progress in memory for tests of the UI and the command line. Card states are whatever the test puts in
 * {@link #states}; reviews are kept in order; every call that writes is noted in {@link #events}, so a test can check
 * what happened before what. {@link #failSaves} makes appends fail the way a full disk would: the review is kept as
 * pending and the result says why.
 */
public final class FakeProgress implements Progress {

    /** "append set/question", "retry", "settings", "export", in the order they were called. */
    public final List<String> events = new CopyOnWriteArrayList<>();
    /** The card states {@link #cardStates()} returns. */
    public final Map<CardKey, CardState> states = new LinkedHashMap<>();
    private final List<ReviewOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<ReviewRecord> saved = new CopyOnWriteArrayList<>();
    private final List<ReviewRecord> pending = new CopyOnWriteArrayList<>();
    private final ExamStore exams;
    private volatile SchedulerSettings settings = SchedulerSettings.defaults();
    private volatile String failure;

    /** @param dataDir where exams go */
    public FakeProgress(Path dataDir) {
        this.exams = ProgressStore.examsIn(dataDir);
    }

    /** From now on appends fail with this message (null: they succeed again, and the pending ones are written). */
    /** What {@link #pinned} answers; this one unless a test sets another. */
    public volatile Progress pinnedTo;

    @Override
    public Progress pinned() {
        return pinnedTo != null ? pinnedTo : this;
    }

    public FakeProgress failSaves(String message) {
        this.failure = message;
        return this;
    }

    /** Puts reviews in the log as if saved earlier. */
    public FakeProgress withLog(List<ReviewRecord> log) {
        saved.addAll(log);
        return this;
    }

    /** The outcomes recorded through {@link #record}, as the drills gave them. */
    public List<ReviewOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The reviews on "disk". */
    public List<ReviewRecord> saved() {
        return List.copyOf(saved);
    }

    @Override
    public void record(ReviewOutcome outcome) {
        outcomes.add(outcome);
        Progress.super.record(outcome);
    }

    @Override
    public synchronized SaveResult append(ReviewRecord review) {
        events.add("append " + review.card().text());
        pending.add(review);
        return flush();
    }

    /** Takes the review off "disk", as the store's undo takes it out of what counts (states are the test's own). */
    @Override
    public synchronized SaveResult undo(ReviewRecord review) {
        events.add("undo " + review.card().text());
        if (failure != null) {
            return new SaveResult(false, pending.size(), failure);
        }
        return saved.remove(review) ? SaveResult.ok() : new SaveResult(false, 0, "That rating is not in the review log.");
    }

    @Override
    public synchronized SaveResult retryPending() {
        events.add("retry");
        return flush();
    }

    private SaveResult flush() {
        if (failure != null) {
            return new SaveResult(false, pending.size(), failure);
        }
        saved.addAll(pending);
        pending.clear();
        return SaveResult.ok();
    }

    @Override
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public List<String> notices() {
        return List.of();
    }

    @Override
    public Map<CardKey, CardState> cardStates() {
        return Map.copyOf(states);
    }

    @Override
    public synchronized List<ReviewRecord> reviews(Instant from, Instant to) {
        List<ReviewRecord> all = new ArrayList<>(saved);
        all.addAll(pending);
        return all.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(to)).toList();
    }

    /** What {@link #backups()} answers. */
    public List<BackupFile> backups = List.of();

    @Override
    public List<BackupFile> backups() {
        return backups;
    }

    @Override
    public int exportCsv(Path out) throws IOException {
        events.add("export");
        StringBuilder csv = new StringBuilder("card,at,rating\n");
        List<ReviewRecord> all = reviews(Instant.MIN, Instant.MAX);
        for (ReviewRecord r : all) {
            csv.append(r.card().text()).append(',').append(r.at()).append(',').append(r.rating().number())
                    .append('\n');
        }
        Files.writeString(out, csv);
        return all.size();
    }

    /** Moves the state of {@code from} to {@code to}, as the store's replay would; noted as "rename from to". */
    @Override
    public synchronized void renameCard(CardKey from, CardKey to) {
        events.add("rename " + from.text() + " " + to.text());
        CardState state = states.remove(from);
        if (state != null) {
            states.put(to, state);
        }
    }

    @Override
    public SchedulerSettings schedulerSettings() {
        return settings;
    }

    @Override
    public void saveSchedulerSettings(SchedulerSettings updated) {
        events.add("settings");
        settings = updated;
    }

    @Override
    public ExamStore exams() {
        return exams;
    }

    @Override
    public void close() {
        // Nothing to close.
    }
}
