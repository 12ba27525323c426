package dev.lectern.store;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.DueQueue;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.backup.Backups;
import dev.lectern.store.exams.ExamStore;
import dev.lectern.store.sqlite.Sqlite;
import dev.lectern.store.sqlite.Transaction;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress database: {@code progress.db} in the data folder, SQLite in WAL mode with {@code synchronous=FULL}.
 *
 * <ul>
 *   <li>The review log is append-only (triggers refuse UPDATE and DELETE); each {@link #append} commits before it
 *       returns, together with the card's new state in the {@code card} table, a cache {@link #rebuild()} can always
 *       recompute from the log.</li>
 *   <li>Nothing acknowledged is lost: a review is saved when committed to the file still at {@code progress.db}
 *       (checked before and after each commit; a file deleted or replaced meanwhile is followed, {@link DatabaseFile}).
 *       One that cannot be written (disk full, read-only, I/O error, another Lectern) is kept in memory and in a
 *       journal on disk ({@link PendingReviews}) before the store answers, and written when it can be.</li>
 *   <li>At open: a damaged file is moved aside and the newest sound backup restored; a damaged WAL is set aside; the
 *       schema is upgraded (after a copy of the old file is taken); a daily backup is taken into {@code backups/}
 *       (the last 7 are kept); and the journals of unsaved reviews are put into the log.</li>
 *   <li>At close: the WAL is checkpointed into the database, and a session that added reviews is backed up (the last
 *       5 such backups are kept).</li>
 *   <li>One Lectern at a time writes: {@code progress.lock} is held while the store is open; a second one opens
 *       read-only and keeps its reviews until it can take the lock.</li>
 * </ul>
 *
 * <p>Thread-safe: every method runs under the store's lock, on one connection.
 */
public final class ProgressStore implements Progress {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressStore.class);

    private static final String DB_FILE = Sqlite.PROGRESS_DB;

    private final Path dataDir;
    private final Clock clock;
    private final SchedulerSettings defaultSettings;
    private final List<String> notices = new ArrayList<>();
    private final PendingReviews pending;
    private final ExamStore exams;
    private final StoreEnvironment environment;
    private final DatabaseFile file;
    /** Reviews this store committed: a session that added some is backed up at close. */
    private int added;

    private Connection connection;
    /** The data folder's lock while this store holds it. */
    private StoreLock lock;
    /** Empty when this store writes; otherwise the sentence a save result gives, saying why it does not. */
    private String notWriting = "";
    private boolean lockedByOther;
    private SchedulerSettings settings;
    private Fsrs fsrs;
    private boolean settingsPending;
    private boolean closed;

    private ProgressStore(Path dataDir, Clock clock, SchedulerSettings defaults, StoreEnvironment environment) {
        this.dataDir = dataDir.toAbsolutePath();
        this.environment = environment;
        this.pending = new PendingReviews(new UnsavedReviews(this.dataDir, environment, clock.instant()));
        this.file = new DatabaseFile(this.dataDir.resolve(DB_FILE));
        this.clock = Objects.requireNonNull(clock);
        this.defaultSettings = Objects.requireNonNull(defaults);
        this.settings = defaults;
        this.fsrs = new Fsrs(defaults);
        this.exams = new ExamStore(new StoreAccess());
    }

    /**
     * Opens the progress database of {@code dataDir}, creating, repairing or upgrading it as needed. Never fails for
     * the user's files: when it cannot write, it opens read-only (or empty, in memory) and says so in
     * {@link #notices()}.
     */
    public static ProgressStore open(Path dataDir, Clock clock) {
        return open(dataDir, clock, SchedulerSettings.defaults());
    }

    /** @param defaults the scheduler's settings where the database has none saved */
    public static ProgressStore open(Path dataDir, Clock clock, SchedulerSettings defaults) {
        return open(dataDir, clock, defaults, StoreEnvironment.standard());
    }

    /** With a fallback folder and faults of the test's own. */
    static ProgressStore open(Path dataDir, Clock clock, SchedulerSettings defaults, StoreEnvironment environment) {
        ProgressStore store = new ProgressStore(dataDir, clock, defaults, environment);
        synchronized (store) {
            store.connect();
        }
        return store;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public List<BackupFile> backups() {
        return BackupFile.list(dataDir);
    }

    public Path databaseFile() {
        return dataDir.resolve(DB_FILE);
    }

    /** Opens the database: for writing when this store can take the folder's lock, otherwise read-only. */
    private void connect() {
        connect(Opening.open(dataDir, clock, defaultSettings, lockedByOther, Optional.empty(),
                pending.fallbackFolder()));
    }

    private void connect(Opening.Opened opened) {
        connection = opened.connection();
        file.remember();
        opened.lock().ifPresent(taken -> lock = taken);
        notWriting = opened.notWriting();
        lockedByOther = opened.lockedByOther();
        settings = opened.settings();
        fsrs = new Fsrs(settings);
        notices.addAll(opened.notices());
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /** Writes a consistent copy of the database to {@code target} (SQLite's online backup). */
    public synchronized void backupTo(Path target) throws IOException {
        ensureOpen();
        try {
            Sqlite.backup(connection, target);
        } catch (SQLException e) {
            throw new IOException(target + ": the backup could not be written: " + Sqlite.reason(e, dataDir), e);
        }
    }

    @Override
    public SaveResult append(ReviewRecord review) {
        return appendAll(List.of(review));
    }

    /**
     * Appends many reviews (an import, a benchmark) in one transaction, committed before returning; like
     * {@link #append}, what cannot be written is kept in memory.
     */
    public SaveResult appendAll(List<ReviewRecord> reviews) {
        synchronized (this) {
            ensureOpen();
            reviews.stream().map(ReviewTable::asStored).forEach(pending::add);

            if (!notWriting.isEmpty() && lockedByOther) {
                reconnect();
            }
            return flush();
        }
    }

    @Override
    public SaveResult retryPending() {
        SaveResult result;
        synchronized (this) {
            ensureOpen();
            if (!notWriting.isEmpty()) {
                reconnect();
            }
            if (settingsPending && notWriting.isEmpty()) {
                try {
                    SettingsTable.write(connection, settings, clock.instant());
                    settingsPending = false;
                } catch (SQLException e) {
                    LOG.warn("the scheduler settings are still not saved: {}", e.getMessage());
                }
            }
            result = flush();
        }
        exams.retryPending();
        return result;
    }

    @Override
    public synchronized int pendingCount() {
        return pending.size();
    }

    @Override
    public synchronized boolean readOnly() {
        return !notWriting.isEmpty();
    }

    @Override
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    /** Tries to become the writing copy: takes the lock and opens the database for writing. */
    private void reconnect() {
        if (lockedByOther && StoreLock.heldHere(dataDir)) {
            return;
        }
        Connection readOnly = connection;
        int noticesBefore = notices.size();
        connection = null;
        Sqlite.closeQuietly(readOnly);
        connect();
        if (!notWriting.isEmpty()) {
            // Still not writing: the notice said so at open already.
            notices.subList(noticesBefore, notices.size()).clear();
        } else {
            LOG.info("{} is writable again", dataDir);
        }
    }

    /**
     * Commits the pending reviews to the file at {@code progress.db}, following it when it was deleted or replaced
     * before or during the commit; what cannot be committed goes to the journal before this returns.
     */
    private SaveResult flush() {
        if (pending.isEmpty() && (!notWriting.isEmpty() || !file.moved())) {
            return SaveResult.ok();
        }
        StringBuilder told = new StringBuilder();
        String failed = "";
        for (int attempt = 0; attempt < 3 && notWriting.isEmpty(); attempt++) {
            try {
                told.append(follow());
                if (!notWriting.isEmpty()) {
                    break;
                }
                environment.faults().beforeCommit(databaseFile());
                int n = ReviewTable.appendMissing(connection, List.copyOf(pending.list()), pending.toCheck(), fsrs);
                String after = follow();
                if (!after.isEmpty()) {
                    told.append(after); // Committed to the file that was there before: again, to the new one.
                    continue;
                }
                added += n;
                pending.committed();
                return new SaveResult(true, 0, told.toString().strip());
            } catch (SQLException e) {
                if (attempt < 2 && file.moved()) {
                    continue; // SQLite saw the file go (SQLITE_READONLY_DBMOVED) between the check and the commit.
                }
                LOG.info("{} reviews could not be saved: {}", pending.size(), e.getMessage());
                failed = Sqlite.reason(e, dataDir);
                break;
            }
        }
        String kept = pending.keep(databaseFile());
        String why = failed.isEmpty() ? "Your review is not saved yet: " + notWriting + "."
                : "Your review could not be saved: " + failed + ".";
        return new SaveResult(false, pending.size(), (told + " " + why + " " + kept).strip());
    }

    /**
     * Follows a file at {@code progress.db} that is no longer the connection's ({@link DatabaseFile#follow}); the
     * reviews the old connection held go first among the pending ones. Returns what to tell, or empty.
     */
    private String follow() throws SQLException {
        if (!notWriting.isEmpty()) {
            return "";
        }
        StoreLock holding = lock;
        Optional<DatabaseFile.Followed> followed = file.follow(connection, () -> Opening.open(dataDir, clock,
                defaultSettings, false, Optional.ofNullable(holding), pending.fallbackFolder()));
        if (followed.isEmpty()) {
            return "";
        }
        lock = null;
        connect(followed.get().opened());
        pending.addHeld(followed.get().held());
        return followed.get().told() + " ";
    }

    @Override
    public synchronized SaveResult undo(ReviewRecord review) {
        ensureOpen();
        if (!notWriting.isEmpty() || !pending.isEmpty()) {
            return new SaveResult(false, pending.size(), "The rating cannot be taken back: "
                    + (notWriting.isEmpty() ? "the reviews before it are not saved yet" : notWriting) + ".");
        }
        try {
            follow();
            return Transaction.write(connection, c -> ReviewUndo.record(c, review, clock.instant(), fsrs))
                    ? SaveResult.ok() : new SaveResult(false, 0, "That rating is not in the review log.");
        } catch (SQLException e) {
            return new SaveResult(false, 0, "The rating could not be taken back: " + Sqlite.reason(e, dataDir) + ".");
        }
    }

    /**
     * Carries the review history of {@code from} over to {@code to} (a question id renamed in its file): the
     * reviews of {@code from} made until now count for {@code to} from now on, in the card states, the listed
     * reviews and {@link #rebuild()}. The log itself is not changed; the rename is recorded beside it.
     */
    @Override
    public synchronized void renameCard(CardKey from, CardKey to) {
        ensureOpen();
        if (from.equals(to)) {
            return;
        }
        if (!notWriting.isEmpty()) {
            throw new StoreFailure("The review history could not be carried over: " + notWriting + ".", null);
        }
        try {
            follow();
            Transaction.write(connection, c -> {
                CardRenames.record(c, from, to, clock.instant());
                return CardTable.rebuild(c, fsrs);
            });
        } catch (SQLException e) {
            throw failure("the review history could not be carried over", e);
        }
    }

    @Override
    public synchronized Map<CardKey, CardState> cardStates() {
        ensureOpen();
        Map<CardKey, CardState> states;
        try {
            states = CardTable.all(connection);
        } catch (SQLException e) {
            throw failure("the card states could not be read", e);
        }
        return pending.applyTo(states, fsrs);
    }

    @Override
    public synchronized List<ReviewRecord> reviews(Instant from, Instant to) {
        ensureOpen();
        List<ReviewRecord> reviews;
        try {
            reviews = ReviewTable.between(connection, from, to);
        } catch (SQLException e) {
            throw failure("the reviews could not be read", e);
        }
        return pending.mergeInto(reviews, r -> !r.at().isBefore(from) && r.at().isBefore(to));
    }

    /** The whole review log, oldest first (reviews kept in memory included). */
    public synchronized List<ReviewRecord> allReviews() {
        ensureOpen();
        List<ReviewRecord> reviews;
        try {
            reviews = ReviewTable.all(connection);
        } catch (SQLException e) {
            throw failure("the reviews could not be read", e);
        }
        return pending.mergeInto(reviews, r -> true);
    }

    /** How many cards had their first review on {@code day} in {@code zone} (for the daily limit of new cards). */
    public synchronized int newIntroducedOn(LocalDate day, ZoneId zone) {
        ensureOpen();
        try {
            if (!CardRenames.read(connection).isEmpty()) {
                // Renamed cards were introduced when their first review under any key was made.
                return DueQueue.newIntroducedOn(allReviews().stream().filter(r -> settings.reschedules(r.mode()))
                        .toList(), day, zone);
            }
            return ReviewTable.firstReviewedOn(connection, pending.list(), day, zone, settings.rescheduling());
        } catch (SQLException e) {
            throw failure("the reviews could not be read", e);
        }
    }

    /**
     * Recomputes every card's state from the review log and writes the ones that differ (and removes cards without
     * reviews).
     *
     * @return how many cards changed
     */
    public synchronized int rebuild() throws IOException {
        ensureOpen();
        if (!notWriting.isEmpty()) {
            throw new IOException(databaseFile() + ": " + notWriting + "; nothing was rebuilt.");
        }
        try {
            return Transaction.write(connection, c -> CardTable.rebuild(c, fsrs));
        } catch (SQLException e) {
            throw new IOException(databaseFile() + ": the cards could not be rebuilt: " + Sqlite.reason(e, dataDir), e);
        }
    }

    /** A full integrity check, the counts, and how many cached card states differ from the log's replay. */
    public synchronized StoreCheck check() throws IOException {
        ensureOpen();
        try {
            return IntegrityCheck.run(connection, databaseFile(), dataDir, fsrs);
        } catch (SQLException e) {
            throw new IOException(databaseFile() + ": it could not be checked: " + Sqlite.reason(e, dataDir), e);
        }
    }

    /**
     * Writes the review log (with any reviews kept in memory) to {@code out} as CSV (see {@link ReviewCsv}), written
     * next to its place and renamed into it.
     *
     * @return how many reviews were written
     */
    public synchronized int exportCsv(Path out) throws IOException {
        ensureOpen();
        return ReviewCsv.export(connection, out.toAbsolutePath(), pending.list(), databaseFile(), dataDir);
    }

    @Override
    public synchronized SchedulerSettings schedulerSettings() {
        return settings;
    }

    /**
     * Saves the settings. When they change how cards are scheduled (anything but the number of new questions a day),
     * every card is rescheduled from the review log by the new settings, so card state stays what the log gives.
     * Kept in memory when they cannot be written.
     */
    @Override
    public synchronized void saveSchedulerSettings(SchedulerSettings newSettings) {
        ensureOpen();
        SchedulerSettings old = settings;
        settings = Objects.requireNonNull(newSettings);
        fsrs = new Fsrs(newSettings);
        if (!notWriting.isEmpty()) {
            settingsPending = true;
            return;
        }
        try {
            SettingsTable.write(connection, newSettings, clock.instant());
            settingsPending = false;
        } catch (SQLException e) {
            LOG.warn("the scheduler settings could not be saved: {}", e.getMessage());
            settingsPending = true;
            return;
        }
        if (!old.withNewPerDay(0).equals(newSettings.withNewPerDay(0))) {
            try {
                int changed = rebuild();
                LOG.info("new scheduler settings rescheduled {} cards", changed);
            } catch (IOException e) {
                LOG.warn("the cards could not be rescheduled by the new settings: {}", e.getMessage());
            }
        }
    }

    @Override
    public ExamStore exams() {
        return exams;
    }

    /** The store's side of a sync ({@code dev.lectern.sync}): its device id, what it has to send, what it takes in. */
    public synchronized SharedHistory shared() {
        return new SharedHistory(new StoreAccess(), settings, this::adopt);
    }

    /** Settings of another device, saved by a sync: this store schedules by them from now on. */
    private synchronized void adopt(SchedulerSettings adopted) {
        settings = adopted;
        fsrs = new Fsrs(adopted);
    }

    /**
     * Exams of the progress database in {@code dataDir} ({@code UserDirs.data()}), opened for each call (and created
     * or upgraded as needed). Prefer {@link Progress#exams()}, which shares the store's connection.
     */
    public static ExamStore examsIn(Path dataDir) {
        return new ExamStore(new FolderExams(dataDir.toAbsolutePath()));
    }

    /** The exam store's way into this store's connection. */
    private final class StoreAccess implements ExamStore.Access {

        @Override
        public <T> T read(ExamStore.Work<T> work) throws SQLException, IOException {
            synchronized (ProgressStore.this) {
                ensureOpen();
                return work.run(connection);
            }
        }

        @Override
        public <T> T write(ExamStore.Work<T> work) throws SQLException, IOException {
            synchronized (ProgressStore.this) {
                ensureOpen();
                if (!notWriting.isEmpty() && lockedByOther) {
                    reconnect();
                }
                if (!notWriting.isEmpty()) {
                    throw new IOException(notWriting);
                }
                follow();
                return Transaction.write(connection, work::run);
            }
        }

        @Override
        public Path dataDir() {
            return dataDir;
        }
    }

    /** The open connection, for tests in this package (to limit the page count, say). */
    synchronized Connection connection() {
        return connection;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the progress store is closed");
        }
    }

    private StoreFailure failure(String what, SQLException e) {
        return new StoreFailure(databaseFile() + ": " + what + ": " + Sqlite.reason(e, dataDir), e);
    }

    /**
     * Closes the database and lets go of the folder. Reviews still kept in memory are tried once more; ones that
     * still cannot be written stay in the journal, which the next Lectern to open the folder for writing puts into the
     * log. The WAL is checkpointed into the database, and a session that added reviews is backed up.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (notWriting.isEmpty() && (!pending.isEmpty() || file.moved())) {
                flush(); // Also when the file went after the last commit: what this connection holds is followed.
            }
            if (!pending.isEmpty()) {
                pending.keep(databaseFile());
                if (pending.journalFile().isEmpty()) {
                    LOG.error("{} reviews could not be saved before closing: {}", pending.size(), pending.list());
                }
            }
            if (notWriting.isEmpty()) {
                checkpoint();
                if (added > 0) {
                    Backups.afterSession(connection, dataDir, clock);
                }
            }
            closed = true;
            pending.close();
            Sqlite.closeQuietly(connection);
            connection = null;
            releaseLock();
        }
    }

    /**
     * A review session ended: the WAL is checkpointed into the database (and truncated), so a crash leaves little in
     * it.
     */
    @Override
    public synchronized void sessionEnded() {
        if (!closed && notWriting.isEmpty()) {
            checkpoint();
        }
    }

    private void checkpoint() {
        try {
            Sqlite.queryLong(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.info("the WAL of {} could not be checkpointed: {}", databaseFile(), e.getMessage());
        }
    }

    /** The journal that holds the reviews this store could not write (yet, or before it closed), if any. */
    public synchronized Optional<Path> unsavedFile() {
        return pending.journalFile();
    }
}
