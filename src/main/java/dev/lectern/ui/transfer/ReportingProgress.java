package dev.lectern.ui.transfer;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.exams.ExamStore;
import dev.lectern.store.Progress;
import dev.lectern.store.SaveResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The student's progress, telling a listener what became of every write, so that any drill whose review could not be
 * saved (a full disk, another Lectern) shows it, not only the review mode.
 */
public final class ReportingProgress implements Progress {

    private final Progress progress;
    private final Consumer<SaveResult> saved;

    public ReportingProgress(Progress progress, Consumer<SaveResult> saved) {
        this.progress = Objects.requireNonNull(progress);
        this.saved = Objects.requireNonNull(saved);
    }

    @Override
    public SaveResult append(ReviewRecord review) {
        SaveResult result = progress.append(review);
        saved.accept(result);
        return result;
    }

    @Override
    public Progress pinned() {
        Progress inside = progress.pinned();
        return inside == progress ? this : new ReportingProgress(inside, saved);
    }

    @Override
    public java.util.List<dev.lectern.store.BackupFile> backups() {
        return progress.backups();
    }

    @Override
    public void renameCard(dev.lectern.scheduling.CardKey from, dev.lectern.scheduling.CardKey to) {
        progress.renameCard(from, to);
    }

    @Override
    public SaveResult undo(ReviewRecord review) {
        SaveResult result = progress.undo(review);
        if (result.saved()) {
            saved.accept(result); // The counts change back.
        }
        return result;
    }

    @Override
    public SaveResult retryPending() {
        SaveResult result = progress.retryPending();
        saved.accept(result);
        return result;
    }

    @Override
    public int pendingCount() {
        return progress.pendingCount();
    }

    @Override
    public boolean readOnly() {
        return progress.readOnly();
    }

    @Override
    public List<String> notices() {
        return progress.notices();
    }

    @Override
    public void sessionEnded() {
        progress.sessionEnded();
    }

    @Override
    public Map<CardKey, CardState> cardStates() {
        return progress.cardStates();
    }

    @Override
    public List<ReviewRecord> reviews(Instant from, Instant to) {
        return progress.reviews(from, to);
    }

    @Override
    public List<ReviewRecord> allReviews() {
        return progress.allReviews();
    }

    @Override
    public int newIntroducedOn(LocalDate day, ZoneId zone) {
        return progress.newIntroducedOn(day, zone);
    }

    @Override
    public int exportCsv(Path out) throws IOException {
        return progress.exportCsv(out);
    }

    @Override
    public SchedulerSettings schedulerSettings() {
        return progress.schedulerSettings();
    }

    @Override
    public void saveSchedulerSettings(SchedulerSettings settings) {
        progress.saveSchedulerSettings(settings);
    }

    @Override
    public ExamStore exams() {
        return progress.exams();
    }

    @Override
    public void close() {
        progress.close();
    }
}
