package dev.lectern.store;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardHistory;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.DueQueue;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress database: {@code progress.db} in the data folder, SQLite in WAL mode with {@code synchronous=FULL}.
 *
 * <ul>
 *   <li>The review log is append-only (triggers refuse UPDATE and DELETE); each {@link #append} commits before it
 *       returns, together with the card's new state in the {@code card} table, a cache {@link #rebuild()} can always
 *       recompute from the log.</li>
 *   <li>Nothing is lost: a review that cannot be written (disk full, read-only, busy, another Lectern has the folder)
 *       is kept in memory, in order, and written by {@link #retryPending()} or the next append.</li>
 *   <li>At open: a damaged file is moved aside and the newest sound backup restored; the schema is upgraded (after a
 *       copy of the old file is taken); and a daily backup is taken into {@code backups/} (the last 7 are kept).</li>
 *   <li>One Lectern at a time writes: {@code progress.lock} is held while the store is open; a second one opens
 *       read-only and keeps its reviews until it can take the lock.</li>
 * </ul>
 *
 * <p>Thread-safe: every method runs under the store's lock, on one connection.
 */
public final class ProgressStore implements Progress {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressStore.class);

    static final String DB_FILE = "progress.db";
    static final String LOCK_FILE = "progress.lock";
    static final String BACKUP_DIR = "backups";
    static final int DAILY_BACKUPS_KEPT = 7;
    private static final Pattern DAILY = Pattern.compile("progress-(\\d{4}-\\d{2}-\\d{2})\\.db");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** Data folders whose lock this JVM holds: a second channel on the lock file would release it when closed. */
    private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final Clock clock;
    private final SchedulerSettings defaultSettings;
    private final List<String> notices = new ArrayList<>();
    private final List<ReviewRecord> pending = new ArrayList<>();
    private final ExamStore exams;

    private Connection connection;
    private FileChannel lockChannel;
    private FileLock lock;
    /** Empty when this store writes; otherwise the sentence a save result gives, saying why it does not. */
    private String notWriting = "";
    private boolean lockedByOther;
    private SchedulerSettings settings;
    private Fsrs fsrs;
    private boolean settingsPending;
    private boolean closed;
    private Optional<Path> unsavedFile = Optional.empty();

    private ProgressStore(Path dataDir, Clock clock, SchedulerSettings defaults) {
        this.dataDir = dataDir.toAbsolutePath();
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
        ProgressStore store = new ProgressStore(dataDir, clock, defaults);
        synchronized (store) {
            store.connect();
        }
        return store;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path databaseFile() {
        return dataDir.resolve(DB_FILE);
    }

    // ---- opening ----

    private void connect() {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            openReadOnly(dataDir + ": the folder cannot be created (" + e.getMessage() + "); this window shows no"
                    + " progress and does not save it.", dataDir + " cannot be created");
            return;
        }
        if (!takeLock()) {
            lockedByOther = true;
            openReadOnly("Another Lectern is using " + dataDir + "; this window shows your progress but does not save"
                    + " it. Reviews you make here are kept and saved once the other one is closed.",
                    "another Lectern is using " + dataDir);
            return;
        }
        lockedByOther = false;
        Connection c = null;
        try {
            c = openRepairing();
            int version = Migrations.version(c);
            if (version > Migrations.LATEST) {
                c.close();
                openReadOnly(databaseFile() + ": it was written by a newer Lectern (schema version " + version
                        + "); this window shows your progress but does not save it.",
                        "the progress database is from a newer Lectern");
                return;
            }
            notices.addAll(upgrade(c, dataDir, clock));
            loadSettings(c);
            connection = c;
            notWriting = "";
            dailyBackup();
            rescheduleIfTheSchedulerChanged();
            saveUnsavedFromEarlier();
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("the progress database could not be opened for writing", e);
            closeQuietly(c);
            connection = null;
            releaseLock();
            String why = e instanceof SQLException s ? Sqlite.reason(s, dataDir) : String.valueOf(e.getMessage());
            openReadOnly(databaseFile() + ": " + why + "; this window shows your progress but does not save it.",
                    why);
        }
    }

    /**
     * Puts into the log the reviews an earlier Lectern kept in a file because it could not write them (see
     * {@link #close}), skipping any already there, and renames the file once they are committed.
     */
    private void saveUnsavedFromEarlier() {
        for (Path file : UnsavedReviews.waiting(dataDir)) {
            try {
                List<ReviewRecord> kept = UnsavedReviews.read(file);
                List<ReviewRecord> missing = new ArrayList<>();
                for (ReviewRecord r : kept) {
                    ReviewRecord n = normalise(r);
                    if (!inLog(n)) {
                        missing.add(n);
                    }
                }
                writeReviews(missing);
                Path saved = UnsavedReviews.markSaved(file);
                if (!missing.isEmpty()) {
                    notices.add(missing.size() + (missing.size() == 1 ? " review" : " reviews")
                            + " that an earlier Lectern could not save " + (missing.size() == 1 ? "is" : "are")
                            + " now in your progress (kept meanwhile in " + saved + ").");
                }
            } catch (IOException | SQLException e) {
                LOG.warn("{}: the reviews kept in it could not be saved yet: {}", file, e.getMessage());
            }
        }
    }

    /**
     * Card states are a cache of the scheduler applied to the log: when the scheduler's results have changed since they
     * were computed (a newer Lectern), every card is recomputed.
     */
    private void rescheduleIfTheSchedulerChanged() throws SQLException, IOException {
        List<String> saved = Sqlite.queryStrings(connection, "SELECT value FROM setting WHERE key = 'scheduler'");
        if (saved.equals(List.of(Fsrs.VERSION))) {
            return;
        }
        int changed = rebuild();
        try (PreparedStatement put = connection.prepareStatement(
                "INSERT OR REPLACE INTO setting (key, value) VALUES ('scheduler', ?)")) {
            put.setString(1, Fsrs.VERSION);
            put.executeUpdate();
        }
        if (!saved.isEmpty()) {
            LOG.info("{} cards recomputed by {} (they were computed by {})", changed, Fsrs.VERSION, saved);
        }
    }

    private boolean inLog(ReviewRecord r) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM review WHERE set_id = ?"
                + " AND question_id = ? AND at = ? AND rating = ? AND mode = ? LIMIT 1")) {
            select.setString(1, r.card().setId());
            select.setString(2, r.card().questionId());
            select.setLong(3, r.at().toEpochMilli());
            select.setInt(4, r.rating().number());
            select.setString(5, r.mode().code());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Opens the database read-only (or, failing that, an empty one in memory) and says why. */
    private void openReadOnly(String notice, String why) {
        notices.add(notice);
        notWriting = why;
        Path db = databaseFile();
        try {
            if (Files.exists(db)) {
                try {
                    connection = Sqlite.open(db, true);
                    Sqlite.queryLong(connection, "PRAGMA user_version");
                } catch (SQLException e) {
                    LOG.warn("{} could not be opened read-only: {}", db, e.getMessage());
                    closeQuietly(connection);
                    connection = null;
                }
            }
            if (connection == null) {
                connection = Sqlite.inMemory();
                Migrations.migrate(connection, dataDir, Migrations.LATEST);
            }
            loadSettings(connection);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("an empty progress database could not be made in memory", e);
        }
    }

    private boolean takeLock() {
        if (!LOCKED_HERE.add(dataDir)) {
            return false;
        }
        try {
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock taken;
            try {
                taken = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                taken = null;
            }
            if (taken == null) {
                channel.close();
                LOCKED_HERE.remove(dataDir);
                return false;
            }
            lockChannel = channel;
            lock = taken;
            return true;
        } catch (IOException e) {
            LOG.warn("{} could not be locked: {}", dataDir.resolve(LOCK_FILE), e.getMessage());
            LOCKED_HERE.remove(dataDir);
            return false;
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("{} could not be unlocked: {}", dataDir.resolve(LOCK_FILE), e.getMessage());
        } finally {
            if (lock != null) {
                LOCKED_HERE.remove(dataDir);
            }
            lock = null;
            lockChannel = null;
        }
    }

    /** The database opened for writing; a damaged one is first moved aside and the newest sound backup restored. */
    private Connection openRepairing() throws SQLException, IOException {
        Path db = databaseFile();
        String damage = damageOf(db);
        if (damage.isEmpty()) {
            return Sqlite.open(db, false);
        }
        LOG.warn("{} is damaged: {}", db, damage);
        Path aside = moveAside(dataDir, "damaged", clock);
        Optional<Path> backup = newestSoundBackup();
        if (backup.isPresent()) {
            Sqlite.copyInto(backup.get(), db);
            notices.add(DB_FILE + " could not be read (" + damage + "), so Lectern moved it to " + aside
                    + " and restored the backup " + backup.get() + " from " + modified(backup.get())
                    + ". Reviews made after that backup are not in it.");
        } else {
            notices.add(DB_FILE + " could not be read (" + damage + "), so Lectern moved it to " + aside
                    + " and started an empty progress database: there was no backup to restore.");
        }
        return Sqlite.open(db, false);
    }

    /**
     * What is wrong with the database file, checked on a read-only connection (which changes nothing, not even its
     * -wal file); empty when it is sound or not there yet.
     */
    private String damageOf(Path db) throws SQLException, IOException {
        if (!Files.exists(db)) {
            return "";
        }
        if (Files.size(db) == 0) {
            return newestSoundBackup().isPresent() ? "it is empty" : "";
        }
        try (Connection c = Sqlite.open(db, true)) {
            List<String> problems = Sqlite.check(c, false);
            if (!problems.isEmpty()) {
                return problems.get(0);
            }
            if (Migrations.version(c) > 0 && Sqlite.queryLong(c, "PRAGMA application_id") != Sqlite.APPLICATION_ID) {
                return "it is not a Lectern progress database";
            }
            return "";
        } catch (SQLException e) {
            if (Sqlite.isDamage(e)) {
                return "it is damaged or not a database";
            }
            throw e;
        }
    }

    private String modified(Path file) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), clock.getZone())
                    .truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
        } catch (IOException e) {
            return "an unknown time";
        }
    }

    /**
     * Moves {@code progress.db} and its {@code -wal} and {@code -shm} files to {@code progress.db.<why>-<time>}
     * (nothing is deleted).
     *
     * @return where the database file went
     */
    static Path moveAside(Path dataDir, String why, Clock clock) throws IOException {
        Path db = dataDir.resolve(DB_FILE);
        String base = DB_FILE + "." + why + "-" + LocalDateTime.now(clock).format(STAMP);
        String name = base;
        for (int i = 2; Files.exists(dataDir.resolve(name)); i++) {
            name = base + "-" + i;
        }
        Path target = dataDir.resolve(name);
        for (String suffix : List.of("-wal", "-shm", "")) {
            Path from = dataDir.resolve(DB_FILE + suffix);
            if (Files.exists(from)) {
                Files.move(from, dataDir.resolve(name + suffix));
            }
        }
        Sqlite.forceFolder(dataDir);
        return Files.exists(target) ? target : db;
    }

    /**
     * Brings an open database up to the latest schema, first copying an existing one into {@code backups/}.
     *
     * @return what the user should be told
     */
    static List<String> upgrade(Connection c, Path dataDir, Clock clock) throws SQLException, IOException {
        int version = Migrations.version(c);
        if (version >= Migrations.LATEST) {
            return List.of();
        }
        List<String> said = new ArrayList<>();
        if (version > 0) {
            Path copy = dataDir.resolve(BACKUP_DIR).resolve("progress-before-v" + Migrations.LATEST + "-"
                    + LocalDateTime.now(clock).format(STAMP) + ".db");
            Sqlite.backup(c, copy);
            said.add("Lectern upgraded your progress database; a copy from before the upgrade is in " + copy + ".");
        }
        List<Integer> applied = Migrations.migrate(c, dataDir, Migrations.LATEST);
        if (applied.contains(2)) {
            ExamStore.setLegacyFolderAside(dataDir).ifPresent(said::add);
        }
        return said;
    }

    // ---- backups ----

    private void dailyBackup() {
        Path target = dataDir.resolve(BACKUP_DIR).resolve("progress-" + LocalDate.now(clock) + ".db");
        if (Files.exists(target)) {
            return;
        }
        try {
            Sqlite.backup(connection, target);
            LOG.info("daily backup written to {}", target);
        } catch (SQLException | IOException e) {
            LOG.warn("the daily backup {} could not be written: {}", target, e.getMessage());
            return;
        }
        pruneDailyBackups(dataDir.resolve(BACKUP_DIR), DAILY_BACKUPS_KEPT);
    }

    /** Deletes all but the {@code keep} newest daily backups ({@code progress-YYYY-MM-DD.db}); others stay. */
    static void pruneDailyBackups(Path backups, int keep) {
        List<Path> daily = new ArrayList<>();
        try (Stream<Path> files = Files.list(backups)) {
            files.filter(p -> DAILY.matcher(p.getFileName().toString()).matches()).forEach(daily::add);
        } catch (IOException e) {
            LOG.warn("{} could not be listed: {}", backups, e.getMessage());
            return;
        }
        daily.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path old : daily.subList(Math.min(keep, daily.size()), daily.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.warn("old backup {} could not be deleted: {}", old, e.getMessage());
            }
        }
    }

    /** The backups in {@code backups/}, newest first (by the time they were written). */
    List<Path> backups() {
        Path dir = dataDir.resolve(BACKUP_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().matches("progress-.*\\.db")).forEach(found::add);
        } catch (IOException e) {
            return List.of();
        }
        Map<Path, Instant> times = new HashMap<>();
        for (Path p : found) {
            try {
                times.put(p, Files.getLastModifiedTime(p).toInstant());
            } catch (IOException e) {
                times.put(p, Instant.EPOCH);
            }
        }
        found.sort(Comparator.comparing((Path p) -> times.get(p)).reversed()
                .thenComparing(Comparator.<Path>reverseOrder()));
        return found;
    }

    private Optional<Path> newestSoundBackup() {
        for (Path backup : backups()) {
            String problem = Sqlite.problemWith(backup, Migrations.LATEST);
            if (problem.isEmpty()) {
                return Optional.of(backup);
            }
            LOG.warn("backup {} cannot be restored: {}", backup, problem);
        }
        return Optional.empty();
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

    /** {@link #restore(Path, Path, Clock)} with the system clock. */
    public static Path restore(Path dataDir, Path backupFile) throws IOException {
        return restore(dataDir, backupFile, Clock.systemDefaultZone());
    }

    /**
     * Puts {@code backupFile} in place of the data folder's database, after checking it is a sound Lectern progress
     * database. The current database (with its -wal and -shm) is moved aside, never deleted. Lectern must not have
     * the folder open.
     *
     * @return where the replaced database went, or the restored file's path when there was none
     * @throws IOException with a {@code file: message} sentence when the backup is not sound or Lectern is running
     */
    public static Path restore(Path dataDir, Path backupFile, Clock clock) throws IOException {
        Path dir = dataDir.toAbsolutePath();
        String problem = Sqlite.problemWith(backupFile, Migrations.LATEST);
        if (!problem.isEmpty()) {
            throw new IOException(backupFile + ": " + problem + "; nothing was restored.");
        }
        Files.createDirectories(dir);
        ProgressStore holder = new ProgressStore(dir, clock, SchedulerSettings.defaults());
        if (!holder.takeLock()) {
            throw new IOException(dir + ": another Lectern is using this folder; close it and restore again.");
        }
        try {
            Path aside = Files.exists(dir.resolve(DB_FILE)) ? moveAside(dir, "replaced", clock) : dir.resolve(DB_FILE);
            Sqlite.copyInto(backupFile, dir.resolve(DB_FILE));
            LOG.info("restored {} from {}; the previous database is {}", dir.resolve(DB_FILE), backupFile, aside);
            return aside;
        } finally {
            holder.releaseLock();
        }
    }

    // ---- the review log ----

    @Override
    public SaveResult append(ReviewRecord review) {
        Objects.requireNonNull(review);
        synchronized (this) {
            ensureOpen();
            pending.add(normalise(review));
            if (!notWriting.isEmpty() && lockedByOther) {
                reconnect();
            }
            return flush();
        }
    }

    /**
     * Appends many reviews (an import, a benchmark) in one transaction, committed before returning; like
     * {@link #append}, what cannot be written is kept in memory.
     */
    public SaveResult appendAll(List<ReviewRecord> reviews) {
        synchronized (this) {
            ensureOpen();
            reviews.stream().map(ProgressStore::normalise).forEach(pending::add);
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
                    writeSettings(settings);
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
        if (lockedByOther && LOCKED_HERE.contains(dataDir)) {
            return;
        }
        Connection readOnly = connection;
        int noticesBefore = notices.size();
        connection = null;
        closeQuietly(readOnly);
        connect();
        if (!notWriting.isEmpty()) {
            // Still not writing: the notice said so at open already.
            notices.subList(noticesBefore, notices.size()).clear();
        } else {
            LOG.info("{} is writable again", dataDir);
        }
    }

    private SaveResult flush() {
        if (pending.isEmpty()) {
            return SaveResult.ok();
        }
        if (!notWriting.isEmpty()) {
            return new SaveResult(false, pending.size(), "Your review is not saved yet: " + notWriting
                    + ". Lectern keeps it and will save it when it can.");
        }
        try {
            writeReviews(List.copyOf(pending));
            pending.clear();
            return SaveResult.ok();
        } catch (SQLException e) {
            LOG.warn("{} reviews could not be saved: {}", pending.size(), e.getMessage());
            return new SaveResult(false, pending.size(), "Your review could not be saved: "
                    + Sqlite.reason(e, dataDir) + ". Lectern keeps it and will try again.");
        }
    }

    private void writeReviews(List<ReviewRecord> reviews) throws SQLException {
        Sqlite.exec(connection, "BEGIN IMMEDIATE");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO review"
                + " (set_id, question_id, at, rating, score, verdict, answer, taken_ms, mode)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ReviewRecord r : reviews) {
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
                insert.executeUpdate();
                Optional<CardState> before = cardState(connection, r.card());
                CardState after;
                if (before.isPresent() && before.get().lastReview().filter(last -> last.isAfter(r.at())).isPresent()) {
                    // A review older than the card's last one (a clock set back): replay the card's whole history.
                    after = CardHistory.replay(r.card(), reviewsOf(r.card()), fsrs);
                } else {
                    after = fsrs.next(before.orElse(CardState.NEW), r.rating(), r.at(), Fsrs.fuzzFor(r.card(), r.at()));
                }
                putCard(connection, r.card(), after);
            }
            Sqlite.exec(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            Sqlite.rollbackQuietly(connection);
            throw e;
        }
    }

    /** The review as the database keeps it: times to the millisecond. */
    private static ReviewRecord normalise(ReviewRecord r) {
        Instant at = r.at().truncatedTo(ChronoUnit.MILLIS);
        Duration taken = Duration.ofMillis(r.taken().toMillis());
        return at.equals(r.at()) && taken.equals(r.taken()) ? r
                : new ReviewRecord(r.card(), at, r.rating(), r.score(), r.verdict(), r.answer(), taken, r.mode());
    }

    /** A card state as the database keeps it: times to the millisecond. */
    private static CardState normalise(CardState s) {
        return new CardState(s.phase(), s.step(), s.stability(), s.difficulty(),
                s.due().map(d -> d.truncatedTo(ChronoUnit.MILLIS)),
                s.lastReview().map(d -> d.truncatedTo(ChronoUnit.MILLIS)), s.reps(), s.lapses());
    }

    private static Optional<CardState> cardState(Connection c, CardKey card) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT phase, step, stability, difficulty, due,"
                + " last_review, reps, lapses FROM card WHERE set_id = ? AND question_id = ?")) {
            select.setString(1, card.setId());
            select.setString(2, card.questionId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(readState(rs, 1)) : Optional.empty();
            }
        }
    }

    private static CardState readState(ResultSet rs, int first) throws SQLException {
        CardPhase phase = CardPhase.valueOf(rs.getString(first).toUpperCase(Locale.ROOT));
        int step = rs.getInt(first + 1);
        double stability = rs.getDouble(first + 2);
        double difficulty = rs.getDouble(first + 3);
        long due = rs.getLong(first + 4);
        Optional<Instant> dueAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(due));
        long last = rs.getLong(first + 5);
        Optional<Instant> lastAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
        return new CardState(phase, step, stability, difficulty, dueAt, lastAt, rs.getInt(first + 6),
                rs.getInt(first + 7));
    }

    private static void putCard(Connection c, CardKey card, CardState state) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT OR REPLACE INTO card (set_id, question_id, phase,"
                + " step, stability, difficulty, due, last_review, reps, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, card.setId());
            upsert.setString(2, card.questionId());
            upsert.setString(3, state.phase().name().toLowerCase(Locale.ROOT));
            upsert.setInt(4, state.step());
            upsert.setDouble(5, state.stability());
            upsert.setDouble(6, state.difficulty());
            setInstant(upsert, 7, state.due());
            setInstant(upsert, 8, state.lastReview());
            upsert.setInt(9, state.reps());
            upsert.setInt(10, state.lapses());
            upsert.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement s, int index, Optional<Instant> at) throws SQLException {
        if (at.isPresent()) {
            s.setLong(index, at.get().toEpochMilli());
        } else {
            s.setNull(index, Types.INTEGER);
        }
    }

    private static final String REVIEW_COLUMNS = "set_id, question_id, at, rating, score, verdict, answer, taken_ms,"
            + " mode";

    /** A review from {@link #REVIEW_COLUMNS}, starting at column {@code f}. */
    private static ReviewRecord readReview(ResultSet rs, int f) throws SQLException {
        CardKey card = new CardKey(rs.getString(f), rs.getString(f + 1));
        Instant at = Instant.ofEpochMilli(rs.getLong(f + 2));
        FlashcardRating rating = FlashcardRating.ofNumber(rs.getInt(f + 3))
                .orElseThrow(() -> new SQLException("a review has a rating outside 1-4"));
        int score = rs.getInt(f + 4);
        OptionalInt scored = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
        String verdict = rs.getString(f + 5);
        return new ReviewRecord(card, at, rating, scored,
                verdict == null ? Optional.empty() : Optional.of(Verdict.fromLabel(verdict)), rs.getString(f + 6),
                Duration.ofMillis(rs.getLong(f + 7)), ReviewMode.fromCode(rs.getString(f + 8)));
    }

    /** The reviews that count for {@code card}, oldest first: its own, and those of keys renamed to it. */
    private List<ReviewRecord> reviewsOf(CardKey card) throws SQLException {
        CardRenames renames = CardRenames.read(connection);
        List<ReviewRecord> reviews = new ArrayList<>();
        for (CardKey source : renames.sourcesOf(card)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + REVIEW_COLUMNS
                    + " FROM review WHERE set_id = ? AND question_id = ? ORDER BY at, id")) {
                select.setString(1, source.setId());
                select.setString(2, source.questionId());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ReviewRecord r = renames.apply(readReview(rs, 1));
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
            Sqlite.exec(connection, "BEGIN IMMEDIATE");
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO card_rename"
                        + " (from_set, from_question, to_set, to_question, at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, from.setId());
                    insert.setString(2, from.questionId());
                    insert.setString(3, to.setId());
                    insert.setString(4, to.questionId());
                    insert.setLong(5, clock.instant().toEpochMilli());
                    insert.executeUpdate();
                }
                rebuildCards();
                Sqlite.exec(connection, "COMMIT");
            } catch (SQLException | RuntimeException e) {
                Sqlite.rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("the review history could not be carried over", e);
        }
    }

    @Override
    public synchronized Map<CardKey, CardState> cardStates() {
        ensureOpen();
        Map<CardKey, CardState> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT set_id, question_id, phase, step,"
                + " stability, difficulty, due, last_review, reps, lapses FROM card");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                states.put(new CardKey(rs.getString(1), rs.getString(2)), readState(rs, 3));
            }
        } catch (SQLException e) {
            throw failure("the card states could not be read", e);
        }
        for (ReviewRecord r : pending) {
            CardState before = states.getOrDefault(r.card(), CardState.NEW);
            states.put(r.card(), normalise(fsrs.next(before, r.rating(), r.at(), Fsrs.fuzzFor(r.card(), r.at()))));
        }
        return states;
    }

    @Override
    public synchronized List<ReviewRecord> reviews(Instant from, Instant to) {
        ensureOpen();
        List<ReviewRecord> reviews = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM review WHERE at >= ? AND at < ? ORDER BY at, id")) {
            select.setLong(1, from.toEpochMilli());
            select.setLong(2, to.toEpochMilli());
            CardRenames renames = CardRenames.read(connection);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    reviews.add(renames.apply(readReview(rs, 1)));
                }
            }
        } catch (SQLException e) {
            throw failure("the reviews could not be read", e);
        }
        return withPending(reviews, r -> !r.at().isBefore(from) && r.at().isBefore(to));
    }

    /** The whole review log, oldest first (reviews kept in memory included). */
    public synchronized List<ReviewRecord> allReviews() {
        ensureOpen();
        List<ReviewRecord> reviews = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM review ORDER BY at, id"); ResultSet rs = select.executeQuery()) {
            CardRenames renames = CardRenames.read(connection);
            while (rs.next()) {
                reviews.add(renames.apply(readReview(rs, 1)));
            }
        } catch (SQLException e) {
            throw failure("the reviews could not be read", e);
        }
        return withPending(reviews, r -> true);
    }

    private List<ReviewRecord> withPending(List<ReviewRecord> saved, java.util.function.Predicate<ReviewRecord> keep) {
        List<ReviewRecord> waiting = pending.stream().filter(keep).toList();
        if (waiting.isEmpty()) {
            return saved;
        }
        saved.addAll(waiting);
        saved.sort(Comparator.comparing(ReviewRecord::at)); // stable: saved ones before waiting ones at one time
        return saved;
    }

    /** How many cards had their first review on {@code day} in {@code zone} (for the daily limit of new cards). */
    public synchronized int newIntroducedOn(LocalDate day, ZoneId zone) {
        ensureOpen();
        try {
            if (!CardRenames.read(connection).isEmpty()) {
                // Renamed cards were introduced when their first review under any key was made.
                return DueQueue.newIntroducedOn(allReviews(), day, zone);
            }
        } catch (SQLException e) {
            throw failure("the reviews could not be read", e);
        }
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        int count;
        Set<CardKey> known = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM (SELECT min(at) AS first"
                + " FROM review GROUP BY set_id, question_id) WHERE first >= ? AND first < ?")) {
            select.setLong(1, from);
            select.setLong(2, to);
            try (ResultSet rs = select.executeQuery()) {
                count = rs.next() ? rs.getInt(1) : 0;
            }
            for (ReviewRecord r : pending) {
                if (known.add(r.card()) && cardState(connection, r.card()).isEmpty()
                        && r.at().toEpochMilli() >= from && r.at().toEpochMilli() < to) {
                    count++;
                }
            }
        } catch (SQLException e) {
            throw failure("the reviews could not be read", e);
        }
        return count;
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
            Sqlite.exec(connection, "BEGIN IMMEDIATE");
            try {
                int changed = rebuildCards();
                Sqlite.exec(connection, "COMMIT");
                return changed;
            } catch (SQLException | RuntimeException e) {
                Sqlite.rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException(databaseFile() + ": the cards could not be rebuilt: " + Sqlite.reason(e, dataDir), e);
        }
    }

    /** Writes the card states replayed from the log that differ from the cached ones; inside a transaction. */
    private int rebuildCards() throws SQLException {
                Map<CardKey, CardState> stored = storedStates();
                Map<CardKey, CardState> replayed = replayAll();
                int changed = 0;
                for (Map.Entry<CardKey, CardState> e : replayed.entrySet()) {
                    if (!e.getValue().equals(stored.get(e.getKey()))) {
                        putCard(connection, e.getKey(), e.getValue());
                        changed++;
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM card WHERE set_id = ? AND question_id = ?")) {
                    for (CardKey orphan : stored.keySet()) {
                        if (!replayed.containsKey(orphan)) {
                            delete.setString(1, orphan.setId());
                            delete.setString(2, orphan.questionId());
                            delete.executeUpdate();
                            changed++;
                        }
                    }
                }
                return changed;
    }

    private Map<CardKey, CardState> storedStates() throws SQLException {
        Map<CardKey, CardState> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT set_id, question_id, phase, step,"
                + " stability, difficulty, due, last_review, reps, lapses FROM card");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                states.put(new CardKey(rs.getString(1), rs.getString(2)), readState(rs, 3));
            }
        }
        return states;
    }

    /** Every card's state replayed from the saved log. */
    private Map<CardKey, CardState> replayAll() throws SQLException {
        CardRenames renames = CardRenames.read(connection);
        if (!renames.isEmpty()) {
            return replayAll(renames);
        }
        Map<CardKey, CardState> states = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM review ORDER BY set_id, question_id, at, id"); ResultSet rs = select.executeQuery()) {
            CardKey current = null;
            List<ReviewRecord> history = new ArrayList<>();
            while (rs.next()) {
                ReviewRecord r = readReview(rs, 1);
                if (!r.card().equals(current)) {
                    if (current != null) {
                        states.put(current, normalise(CardHistory.replay(current, history, fsrs)));
                    }
                    current = r.card();
                    history = new ArrayList<>();
                }
                history.add(r);
            }
            if (current != null) {
                states.put(current, normalise(CardHistory.replay(current, history, fsrs)));
            }
        }
        return states;
    }

    /** Every card's state replayed from the saved log, each review counted for the key it is renamed to. */
    private Map<CardKey, CardState> replayAll(CardRenames renames) throws SQLException {
        Map<CardKey, List<ReviewRecord>> histories = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM review ORDER BY at, id"); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ReviewRecord r = renames.apply(readReview(rs, 1));
                histories.computeIfAbsent(r.card(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<CardKey, CardState> states = new LinkedHashMap<>();
        histories.forEach((card, history) -> states.put(card, normalise(CardHistory.replay(card, history, fsrs))));
        return states;
    }

    /** What {@code lectern store check} reports. */
    public record Check(Path file, List<String> integrityProblems, int schemaVersion, long reviews, long cards,
            long exams, int staleCards, int backups, long bytes) {

        public boolean ok() {
            return integrityProblems.isEmpty() && staleCards == 0;
        }
    }

    /** A full integrity check, the counts, and how many cached card states differ from the log's replay. */
    public synchronized Check check() throws IOException {
        ensureOpen();
        try {
            List<String> problems = Sqlite.check(connection, true);
            int version = Migrations.version(connection);
            long reviews = Sqlite.queryLong(connection, "SELECT count(*) FROM review");
            long cards = Sqlite.queryLong(connection, "SELECT count(*) FROM card");
            long examCount = ExamStore.hasExamTable(connection)
                    ? Sqlite.queryLong(connection, "SELECT count(*) FROM exam") : 0;
            Map<CardKey, CardState> stored = storedStates();
            Map<CardKey, CardState> replayed = replayAll();
            Set<CardKey> keys = new HashSet<>(stored.keySet());
            keys.addAll(replayed.keySet());
            int stale = (int) keys.stream().filter(k -> !Objects.equals(stored.get(k), replayed.get(k))).count();
            Path db = databaseFile();
            long bytes = Files.exists(db) ? Files.size(db) : 0;
            return new Check(db, problems, version, reviews, cards, examCount, stale, backups().size(), bytes);
        } catch (SQLException e) {
            throw new IOException(databaseFile() + ": it could not be checked: " + Sqlite.reason(e, dataDir), e);
        }
    }

    /**
     * Writes the review log (with any reviews kept in memory) to {@code out} as CSV: {@code
     * id,set_id,question_id,at,rating,score,verdict,answer,taken_ms,mode}, {@code at} in ISO-8601 UTC. The file is
     * written next to its place and renamed into it.
     *
     * @return how many reviews were written
     */
    public synchronized int exportCsv(Path out) throws IOException {
        ensureOpen();
        Path target = out.toAbsolutePath();
        try {
            return writeCsv(target);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(databaseFile().toString())) {
                throw e;
            }
            throw new IOException(target + ": it could not be written (" + describe(e) + ").", e);
        }
    }

    /** The plain reason of a file error: Java puts only the path in some of their messages. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private int writeCsv(Path target) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.builder().addColumns(Arrays.asList("id", "set_id", "question_id", "at",
                "rating", "score", "verdict", "answer", "taken_ms", "mode"), CsvSchema.ColumnType.STRING)
                .setUseHeader(true).build();
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        int count = 0;
        try {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    SequenceWriter rows = csv.writer(schema).writeValues(writer);
                    PreparedStatement select = connection.prepareStatement("SELECT id, " + REVIEW_COLUMNS
                            + " FROM review ORDER BY at, id");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    ReviewRecord r = readReview(rs, 2);
                    rows.write(row(Long.toString(id), r));
                    count++;
                }
                for (ReviewRecord r : pending) {
                    rows.write(row("", r));
                    count++;
                }
            } catch (SQLException e) {
                throw new IOException(databaseFile() + ": the reviews could not be read: "
                        + Sqlite.reason(e, dataDir), e);
            }
            Sqlite.force(tmp);
            Sqlite.moveReplacing(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return count;
    }

    private static List<String> row(String id, ReviewRecord r) {
        return List.of(id, r.card().setId(), r.card().questionId(), r.at().toString(),
                Integer.toString(r.rating().number()),
                r.score().isPresent() ? Integer.toString(r.score().getAsInt()) : "",
                r.verdict().map(Verdict::label).orElse(""), r.answer(), Long.toString(r.taken().toMillis()),
                r.mode().code());
    }

    // ---- settings ----

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
            writeSettings(newSettings);
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

    private void writeSettings(SchedulerSettings s) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("desired_retention", Double.toString(s.desiredRetention()));
        values.put("maximum_interval_days", Integer.toString(s.maximumIntervalDays()));
        values.put("new_per_day", Integer.toString(s.newPerDay()));
        values.put("fuzz", Boolean.toString(s.fuzz()));
        values.put("weights", String.join(",", s.weights().stream().map(String::valueOf).toList()));
        values.put("learning_steps", seconds(s.learningSteps()));
        values.put("relearning_steps", seconds(s.relearningSteps()));
        Sqlite.exec(connection, "BEGIN IMMEDIATE");
        try (PreparedStatement put = connection.prepareStatement(
                "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                put.setString(1, e.getKey());
                put.setString(2, e.getValue());
                put.executeUpdate();
            }
            Sqlite.exec(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            Sqlite.rollbackQuietly(connection);
            throw e;
        }
    }

    private static String seconds(List<Duration> steps) {
        return String.join(",", steps.stream().map(d -> Long.toString(d.toSeconds())).toList());
    }

    private void loadSettings(Connection c) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT key, value FROM setting");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        SchedulerSettings s = defaultSettings;
        try {
            if (values.containsKey("weights")) {
                s = new SchedulerSettings(Arrays.stream(values.get("weights").split(",")).map(String::strip)
                        .map(Double::valueOf).toList(), s.desiredRetention(), s.maximumIntervalDays(), s.newPerDay(),
                        s.fuzz(), steps(values.get("learning_steps"), s.learningSteps()),
                        steps(values.get("relearning_steps"), s.relearningSteps()));
            }
            if (values.containsKey("desired_retention")) {
                s = s.withDesiredRetention(Double.parseDouble(values.get("desired_retention")));
            }
            if (values.containsKey("maximum_interval_days")) {
                s = s.withMaximumIntervalDays(Integer.parseInt(values.get("maximum_interval_days")));
            }
            if (values.containsKey("new_per_day")) {
                s = s.withNewPerDay(Integer.parseInt(values.get("new_per_day")));
            }
            if (values.containsKey("fuzz")) {
                s = s.withFuzz(Boolean.parseBoolean(values.get("fuzz")));
            }
        } catch (RuntimeException e) {
            LOG.warn("the saved scheduler settings cannot be used ({}); using the defaults", e.getMessage());
            s = defaultSettings;
        }
        settings = s;
        fsrs = new Fsrs(s);
    }

    private static List<Duration> steps(String value, List<Duration> otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .toList();
    }

    // ---- exams ----

    @Override
    public ExamStore exams() {
        return exams;
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
                Sqlite.exec(connection, "BEGIN IMMEDIATE");
                try {
                    T result = work.run(connection);
                    Sqlite.exec(connection, "COMMIT");
                    return result;
                } catch (SQLException | IOException | RuntimeException e) {
                    Sqlite.rollbackQuietly(connection);
                    throw e;
                }
            }
        }

        @Override
        public Path dataDir() {
            return dataDir;
        }
    }

    // ---- the rest ----

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

    /** A read of the progress database that failed; the message is a plain sentence. */
    public static final class StoreFailure extends RuntimeException {
        StoreFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Closes the database and lets go of the folder. Reviews still kept in memory are tried once more; ones that
     * still cannot be written go to a file of their own beside the database (or, if even that fails, in the system's
     * temporary folder), which the next Lectern to open the folder for writing puts into the log.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!pending.isEmpty() && notWriting.isEmpty()) {
                flush();
            }
            if (!pending.isEmpty()) {
                keepUnsaved();
            }
            closed = true;
            closeQuietly(connection);
            connection = null;
            releaseLock();
        }
    }

    private void keepUnsaved() {
        Instant now = clock.instant();
        for (Path folder : List.of(dataDir, Path.of(System.getProperty("java.io.tmpdir")))) {
            try {
                Path file = UnsavedReviews.write(folder, pending, now);
                LOG.warn("{} reviews could not be saved to {}; they are kept in {}", pending.size(), databaseFile(),
                        file);
                unsavedFile = Optional.of(file);
                pending.clear();
                return;
            } catch (IOException e) {
                LOG.warn("{}: the unsaved reviews could not be kept there: {}", folder, e.getMessage());
            }
        }
        LOG.error("{} reviews could not be saved before closing: {}", pending.size(), pending);
    }

    /** Where {@link #close} kept reviews it could not write, if it had to. */
    public synchronized Optional<Path> unsavedFile() {
        return unsavedFile;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("closing the progress database: {}", e.getMessage());
            }
        }
    }
}
