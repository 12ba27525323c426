package dev.lectern.store;

import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.backup.Backups;
import dev.lectern.store.backup.DamagedFiles;
import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import dev.lectern.store.sqlite.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a data folder's progress database for a {@link ProgressStore}: for writing when it can take the folder's lock
 * (repairing, upgrading and backing up the file first); otherwise read-only, or empty in memory, saying why.
 */
final class Opening {

    private static final Logger LOG = LoggerFactory.getLogger(Opening.class);

    /**
     * What was opened.
     *
     * @param lock          the folder's lock when it was taken and is held; empty otherwise
     * @param notWriting    empty when the connection writes; otherwise why not, for the save results
     * @param lockedByOther whether another Lectern holds the lock; as it was when the lock was not tried
     * @param notices       what the user should be told
     */
    record Opened(Connection connection, Optional<StoreLock> lock, String notWriting, boolean lockedByOther,
            SchedulerSettings settings, List<String> notices) {
    }

    private final Path dataDir;
    private final Path db;
    private final Clock clock;
    private final SchedulerSettings defaults;
    private final List<String> notices = new ArrayList<>();

    private Opening(Path dataDir, Clock clock, SchedulerSettings defaults) {
        this.dataDir = dataDir;
        this.db = dataDir.resolve(Sqlite.PROGRESS_DB);
        this.clock = clock;
        this.defaults = defaults;
    }

    /** @param lockedByOther whether another Lectern held the lock when this store last tried it */
    static Opened open(Path dataDir, Clock clock, SchedulerSettings defaults, boolean lockedByOther) {
        return new Opening(dataDir, clock, defaults).open(lockedByOther);
    }

    private Opened open(boolean lockedByOther) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            return readOnly(dataDir + ": the folder cannot be created (" + e.getMessage() + "); this window shows no"
                    + " progress and does not save it.", dataDir + " cannot be created", Optional.empty(),
                    lockedByOther);
        }
        Optional<StoreLock> taken = StoreLock.take(dataDir);
        if (taken.isEmpty()) {
            return readOnly("Another Lectern is using " + dataDir + "; this window shows your progress but does not"
                    + " save it. Reviews you make here are kept and saved once the other one is closed.",
                    "another Lectern is using " + dataDir, Optional.empty(), true);
        }
        Connection c = null;
        try {
            DamagedFiles.repair(dataDir, clock).ifPresent(notices::add);
            c = Sqlite.open(db, false);
            int version = Migrations.version(c);
            if (version > Migrations.LATEST) {
                c.close();
                // The lock stays taken: an older Lectern must not write over a newer one's file either.
                return readOnly(db + ": it was written by a newer Lectern (schema version " + version
                        + "); this window shows your progress but does not save it.",
                        "the progress database is from a newer Lectern", taken, false);
            }
            notices.addAll(Schema.upgrade(c, dataDir, clock));
            SchedulerSettings settings = SettingsTable.load(c, defaults);
            Fsrs fsrs = new Fsrs(settings);
            Backups.daily(c, dataDir, clock);
            rescheduleIfTheSchedulerChanged(c, fsrs);
            notices.addAll(UnsavedReviews.saveWaiting(c, dataDir, fsrs));
            return new Opened(c, taken, "", false, settings, notices);
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("the progress database could not be opened for writing", e);
            ProgressStore.closeQuietly(c);
            taken.get().close();
            String why = e instanceof SQLException s ? Sqlite.reason(s, dataDir) : String.valueOf(e.getMessage());
            return readOnly(db + ": " + why + "; this window shows your progress but does not save it.", why,
                    Optional.empty(), false);
        }
    }

    /**
     * Card states are a cache of the scheduler applied to the log: when the scheduler's results have changed since they
     * were computed (a newer Lectern), every card is recomputed.
     */
    private void rescheduleIfTheSchedulerChanged(Connection c, Fsrs fsrs) throws SQLException, IOException {
        List<String> saved = SettingsTable.schedulerVersion(c);
        if (saved.equals(List.of(Fsrs.VERSION))) {
            return;
        }
        int changed;
        try {
            changed = Transaction.write(c, tx -> CardTable.rebuild(tx, fsrs));
        } catch (SQLException e) {
            throw new IOException(db + ": the cards could not be rebuilt: " + Sqlite.reason(e, dataDir), e);
        }
        SettingsTable.putSchedulerVersion(c, Fsrs.VERSION);
        if (!saved.isEmpty()) {
            LOG.info("{} cards recomputed by {} (they were computed by {})", changed, Fsrs.VERSION, saved);
        }
    }

    /** Opens the database read-only (or, failing that, an empty one in memory) and says why. */
    private Opened readOnly(String notice, String why, Optional<StoreLock> lock, boolean lockedByOther) {
        notices.add(notice);
        Connection c = null;
        try {
            if (Files.exists(db)) {
                try {
                    c = Sqlite.open(db, true);
                    Sqlite.queryLong(c, "PRAGMA user_version");
                } catch (SQLException e) {
                    LOG.warn("{} could not be opened read-only: {}", db, e.getMessage());
                    ProgressStore.closeQuietly(c);
                    c = null;
                }
            }
            if (c == null) {
                c = Sqlite.inMemory();
                Schema.migrate(c, dataDir, Migrations.LATEST);
            }
            return new Opened(c, lock, why, lockedByOther, SettingsTable.load(c, defaults), notices);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("an empty progress database could not be made in memory", e);
        }
    }
}
