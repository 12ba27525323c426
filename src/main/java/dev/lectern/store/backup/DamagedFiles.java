package dev.lectern.store.backup;

import dev.lectern.files.AtomicFiles;
import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress database that cannot be read: moved aside (never deleted) and replaced by the newest sound backup. Public
 * for the store only ({@code ArchitectureRules.storeInternalsAreUsedOnlyByTheStore}).
 */
public final class DamagedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DamagedFiles.class);

    private DamagedFiles() {
    }

    /**
     * Checks the data folder's database before it is opened for writing; a damaged one is moved aside and the newest
     * sound backup restored in its place (or none, so an empty one is started).
     *
     * @return what the user should be told, when the file was damaged
     */
    public static Optional<String> repair(Path dataDir, Clock clock) throws SQLException, IOException {
        Path db = dataDir.resolve(Sqlite.PROGRESS_DB);
        String damage = damageOf(db, dataDir);
        if (damage.isEmpty()) {
            return Optional.empty();
        }
        LOG.warn("{} is damaged: {}", db, damage);
        Path aside = moveAside(dataDir, "damaged", clock);
        Optional<Path> backup = Backups.newestSound(dataDir);
        if (backup.isPresent()) {
            Sqlite.copyInto(backup.get(), db);
            return Optional.of(Sqlite.PROGRESS_DB + " could not be read (" + damage + "), so Lectern moved it to "
                    + aside + " and restored the backup " + backup.get() + " from " + modified(backup.get(), clock)
                    + ". Reviews made after that backup are not in it.");
        }
        return Optional.of(Sqlite.PROGRESS_DB + " could not be read (" + damage + "), so Lectern moved it to " + aside
                + " and started an empty progress database: there was no backup to restore.");
    }

    /**
     * What is wrong with the database file, checked on a read-only connection (which changes nothing, not even its
     * -wal file); empty when it is sound or not there yet.
     */
    private static String damageOf(Path db, Path dataDir) throws SQLException, IOException {
        if (!Files.exists(db)) {
            return "";
        }
        if (Files.size(db) == 0) {
            return Backups.newestSound(dataDir).isPresent() ? "it is empty" : "";
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

    private static String modified(Path file, Clock clock) {
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
        Path db = dataDir.resolve(Sqlite.PROGRESS_DB);
        String base = Sqlite.PROGRESS_DB + "." + why + "-" + LocalDateTime.now(clock).format(Backups.STAMP);
        String name = base;
        for (int i = 2; Files.exists(dataDir.resolve(name)); i++) {
            name = base + "-" + i;
        }
        Path target = dataDir.resolve(name);
        for (String suffix : List.of("-wal", "-shm", "")) {
            Path from = dataDir.resolve(Sqlite.PROGRESS_DB + suffix);
            if (Files.exists(from)) {
                Files.move(from, dataDir.resolve(name + suffix));
            }
        }
        AtomicFiles.flushFolder(dataDir);
        return Files.exists(target) ? target : db;
    }
}
