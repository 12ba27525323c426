package dev.lectern.store;

import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.backup.Backups;
import dev.lectern.store.backup.DamagedFiles;
import dev.lectern.store.backup.DamagedWal;
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
    private final Path fallback;
    private final List<String> notices = new ArrayList<>();

    private Opening(Path dataDir, Clock clock, SchedulerSettings defaults, Path fallback) {
        this.dataDir = dataDir;
        this.db = dataDir.resolve(Sqlite.PROGRESS_DB);
        this.clock = clock;
        this.defaults = defaults;
        this.fallback = fallback;
    }

    /**
     * @param lockedByOther whether another Lectern held the lock when this store last tried it
     * @param held          the folder's lock when the store holds it already (it reopens a replaced file)
     * @param fallback      the data folder's fallback folder for unsaved reviews, whose journals are imported too
     */
    static Opened open(Path dataDir, Clock clock, SchedulerSettings defaults, boolean lockedByOther,
            Optional<StoreLock> held, Path fallback) {
        return new Opening(dataDir, clock, defaults, fallback).open(lockedByOther, held);
    }

    private Opened open(boolean lockedByOther, Optional<StoreLock> held) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            return readOnly(dataDir + ": the folder cannot be created (" + Plain.reason(e) + "); this window shows no"
                    + " progress, and the reviews you make are kept in " + fallback + " until it can be.",
                    dataDir + " cannot be created", Optional.empty(), lockedByOther);
        }
        if (Files.isDirectory(db)) {
            held.ifPresent(StoreLock::close);
            return readOnly(db + " is a folder, not a file, so Lectern cannot keep your progress in it. Move it out of"
                    + " " + dataDir + " (or rename it) and start Lectern again; the reviews you make meanwhile are"
                    + " kept and saved then.", db + " is a folder, not a file", Optional.empty(), false);
        }
        Optional<StoreLock> taken;
        try {
            taken = held.isPresent() ? held : StoreLock.take(dataDir);
        } catch (IOException e) {
            return readOnly(dataDir + " cannot be written to (" + Plain.reason(e) + "), so Lectern cannot save your"
                    + " progress there; this window shows it, and the reviews you make are kept in " + fallback
                    + " and saved at the next start that can write to " + dataDir + ".",
                    dataDir + " cannot be written to", Optional.empty(), false);
        }
        if (taken.isEmpty()) {
            return readOnly("Another Lectern is using " + dataDir + "; this window shows your progress but does not"
                    + " save it. Reviews you make here are kept and saved once the other one is closed.",
                    "another Lectern is using " + dataDir, Optional.empty(), true);
        }
        Connection c = null;
        try {
            boolean missing = !Files.exists(db);
            DamagedFiles.repair(dataDir, clock).ifPresent(notices::add);
            Optional<DamagedWal.Damage> walDamage = DamagedWal.setAside(dataDir, clock);
            walDamage.ifPresent(d -> notices.add(d.notice()));
            if (missing && held.isEmpty()) {
                BackupFile.whenMissing(dataDir).ifPresent(notices::add);
            }
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
            if (walDamage.isPresent()) {
                notices.add(readBack(c, walDamage.get(), fsrs));
            }
            notices.addAll(UnsavedReviews.saveWaiting(c, dataDir, fallback, fsrs));
            return new Opened(c, taken, "", false, settings, notices);
        } catch (SQLException | IOException | RuntimeException e) {
            // The reason goes to the user in words; a stack trace would reach the terminal through the log.
            LOG.info("the progress database could not be opened for writing: {}", e.toString());
            Sqlite.closeQuietly(c);
            taken.get().close();
            String why = e instanceof SQLException s ? Sqlite.reason(s, dataDir)
                    : e instanceof IOException io ? Plain.reason(io) : "an unexpected problem (" + e + ")";
            return readOnly(db + " cannot be opened for writing: " + why + ". Lectern shows what it can read, and the"
                    + " reviews you make are kept and saved at the next start that can write.", why,
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

    /** Puts into the log the reviews that a salvaged copy of the damaged WAL holds and the log lacks; says how many. */
    private String readBack(Connection c, DamagedWal.Damage damage, Fsrs fsrs) {
        Optional<Path> salvaged = DamagedWal.salvage(db, damage.walAside(), Migrations.LATEST);
        if (salvaged.isEmpty()) {
            return "The reviews after the damage could not be read back from it.";
        }
        try (Connection copy = Sqlite.open(salvaged.get(), true)) {
            List<dev.lectern.scheduling.ReviewRecord> held = ReviewTable.asLogged(copy);
            int added = ReviewTable.appendMissing(c, held, held.size(), fsrs);
            return "Lectern read back " + added + (added == 1 ? " review" : " reviews") + " from the damaged log"
                    + " anyway (the pages after the damage were sound), so they are in your progress.";
        } catch (SQLException e) {
            return "The reviews after the damage could not be read back from it (" + Sqlite.reason(e, dataDir)
                    + ").";
        } finally {
            try (var files = Files.list(salvaged.get().getParent())) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(salvaged.get().getParent());
            } catch (IOException e) {
                LOG.info("{} could not be deleted: {}", salvaged.get(), e.getMessage());
            }
        }
    }

    /** Opens the database read-only (or, failing that, an empty one in memory) and says why. */
    private Opened readOnly(String notice, String why, Optional<StoreLock> lock, boolean lockedByOther) {
        notices.add(notice);
        Connection c = null;
        try {
            if (Files.isRegularFile(db)) {
                try {
                    c = Sqlite.open(db, true);
                    Sqlite.queryLong(c, "PRAGMA user_version");
                } catch (SQLException e) {
                    LOG.info("{} could not be opened read-only: {}", db, e.getMessage());
                    Sqlite.closeQuietly(c);
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
