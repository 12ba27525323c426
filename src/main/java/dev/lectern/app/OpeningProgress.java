package dev.lectern.app;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.exams.ExamStore;
import dev.lectern.store.BackupFile;
import dev.lectern.store.CourseData;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress store, opened on a thread of its own while the window comes up (opening the database loads SQLite's
 * native library and may repair or upgrade the file); every call waits for the opening to finish, which it has long
 * before anyone reviews. When {@code progress.db} was missing but a backup holds reviews, {@link #offeredBackup} names
 * it, and {@link #restore} closes the new, empty store, puts the backup in its place and opens it, on a thread of its
 * own too. Each course has progress of its own ({@link CourseData}): the store of the data folder opens first, and
 * {@link #openFor} puts the open course's in its place the same way, when that is another. A store once open stays
 * open until {@link #close}, so a write {@link #pinned} to the course it was made in lands there even when another
 * course opened while it was under way, and going back to a course is instant.
 */
final class OpeningProgress implements Progress {

    private static final Logger LOG = LoggerFactory.getLogger(OpeningProgress.class);

    private final Path dataDir;
    private final Clock clock;
    private volatile CompletableFuture<ProgressStore> opening;
    /** The id of the course whose store is open or opening; null for the data folder's own, before any course. */
    private volatile String courseId;
    /** Every store opened this session, by its folder; shared with the pinned views, which never close them. */
    private final Map<Path, ProgressStore> open;
    /** What opening each folder's store found to offer (a backup of a missing database), by folder. */
    private final Map<Path, Optional<BackupFile>> offers;
    /** For a pinned view, the store it writes to whatever course opens later; null for the app's own. */
    private final CompletableFuture<ProgressStore> pinnedTo;

    private OpeningProgress(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.opening = new CompletableFuture<>();
        this.open = new java.util.concurrent.ConcurrentHashMap<>();
        this.offers = new java.util.concurrent.ConcurrentHashMap<>();
        this.pinnedTo = null;
    }

    private OpeningProgress(OpeningProgress of) {
        this.dataDir = of.dataDir;
        this.clock = of.clock;
        this.opening = of.opening;
        this.open = of.open;
        this.offers = of.offers;
        this.pinnedTo = of.opening;
    }

    /** Starts opening the store of {@code dataDir}. */
    static OpeningProgress open(Path dataDir, Clock clock) {
        OpeningProgress progress = new OpeningProgress(dataDir, clock);
        CompletableFuture<ProgressStore> opening = progress.opening;
        onItsOwnThread("lectern-progress-open", opening, () -> {
            progress.offers.put(key(dataDir), backupOfAMissingDatabase(dataDir));
            return progress.opened(ProgressStore.open(dataDir, clock));
        });
        return progress;
    }

    /**
     * Puts the store of {@code course}'s progress in place of the one open (closed first), unless it is that one
     * already; calls made meanwhile wait for it. Cheap on the calling thread: which folder that is, and opening it,
     * happen on a thread of their own. Completes with the store.
     */
    CompletableFuture<ProgressStore> openFor(Course course) {
        String id = course.info().id();
        if (id.equals(courseId)) {
            return opening;
        }
        courseId = id;
        CompletableFuture<ProgressStore> before = opening;
        CompletableFuture<ProgressStore> after = new CompletableFuture<>();
        opening = after;
        onItsOwnThread("lectern-progress-course", after, () -> {
            before.exceptionally(failure -> null).join();
            Path folder = CourseData.folderFor(dataDir, course, CourseLoader::loadBundled).toAbsolutePath().normalize();
            ProgressStore already = open.get(folder);
            if (already != null) {
                return already;
            }
            offers.put(folder, backupOfAMissingDatabase(folder));
            return opened(ProgressStore.open(folder, clock));
        });
        return after;
    }

    /**
     * Once the store is open: the newest sound backup with reviews when {@code progress.db} was missing at the start
     * (deleted, or the data folder moved) and nothing has been reviewed in the new, empty one since.
     */
    Optional<BackupFile> offeredBackup() {
        ProgressStore store = opening.getNow(null);
        Optional<BackupFile> offered = store == null ? Optional.empty()
                : offers.getOrDefault(key(store.dataDir()), Optional.empty());
        if (offered.isEmpty() || store.readOnly()) {
            return Optional.empty();
        }
        return store.allReviews().isEmpty() ? offered : Optional.empty();
    }

    /**
     * Closes the new, empty store, puts {@code backup} in place of its database (the empty one is moved aside, not
     * deleted) and opens the store again; calls made meanwhile wait for it. Completes with what happened, in a
     * sentence; if the backup cannot be put back, the store opens on the database that is there and the sentence says
     * why.
     */
    CompletableFuture<String> restore(BackupFile backup) {
        CompletableFuture<ProgressStore> before = opening;
        CompletableFuture<ProgressStore> after = new CompletableFuture<>();
        CompletableFuture<String> said = new CompletableFuture<>();
        opening = after;
        offers.clear();
        onItsOwnThread("lectern-progress-restore", after, () -> {
            ProgressStore old = before.join();
            if (!old.allReviews().isEmpty()) {
                said.complete("Nothing was restored: reviews were saved since Lectern started. To go back to the"
                        + " backup, close Lectern and run: lectern restore " + backup.file());
                return old;
            }
            old.close();
            Path folder = old.dataDir();
            open.remove(key(folder));
            try {
                BackupFile.restore(folder, backup.file(), clock);
                said.complete("Restored your progress from " + backup.file().getFileName() + " ("
                        + backup.reviews().orElse(0) + " reviews).");
            } catch (IOException e) {
                LOG.warn("restoring {} failed", backup.file(), e);
                said.complete("The backup could not be restored: " + e.getMessage());
            }
            return opened(ProgressStore.open(folder, clock));
        });
        after.whenComplete((store, failure) -> {
            if (failure != null) {
                said.complete("Your progress could not be opened again (" + failure.getMessage() + ").");
            }
        });
        return said;
    }

    private ProgressStore opened(ProgressStore store) {
        open.put(key(store.dataDir()), store);
        return store;
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    /**
     * This progress as it is now, for one drill: its writes go to the store of the course open (or opening) at this
     * call, even when another course opens before they run; closing it closes nothing.
     */
    @Override
    public Progress pinned() {
        return pinnedTo != null ? this : new OpeningProgress(this);
    }

    private static Optional<BackupFile> backupOfAMissingDatabase(Path dataDir) {
        try {
            return BackupFile.restorableWhenMissing(dataDir).filter(b -> b.reviews().orElse(0) > 0);
        } catch (RuntimeException e) {
            LOG.warn("looking for a backup of a missing progress database in {} failed", dataDir, e);
            return Optional.empty();
        }
    }

    private static void onItsOwnThread(String name, CompletableFuture<ProgressStore> result,
            java.util.concurrent.Callable<ProgressStore> work) {
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes with the store once it is open. */
    CompletableFuture<ProgressStore> whenOpen() {
        return opening;
    }

    private ProgressStore store() {
        return (pinnedTo != null ? pinnedTo : opening).join();
    }

    @Override
    public SaveResult append(ReviewRecord review) {
        return store().append(review);
    }

    @Override
    public SaveResult undo(ReviewRecord review) {
        return store().undo(review);
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

    /**
     * Closes every store opened this session, now or (if one is still opening) as soon as it is open; a pinned view
     * closes nothing.
     */
    @Override
    public void close() {
        if (pinnedTo == null) {
            opening.whenComplete((store, failure) -> open.values().forEach(ProgressStore::close));
        }
    }
}
