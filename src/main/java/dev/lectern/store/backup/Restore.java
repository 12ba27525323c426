package dev.lectern.store.backup;

import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a backup in place of the data folder's database, which is moved aside, never deleted. Public for the store
 * only ({@code ArchitectureRules.storeInternalsAreUsedOnlyByTheStore}), which holds the folder's lock meanwhile.
 */
public final class Restore {

    private static final Logger LOG = LoggerFactory.getLogger(Restore.class);

    private Restore() {
    }

    /** Refuses a backup that is not a sound Lectern progress database this version reads. */
    public static void checkSound(Path backupFile) throws IOException {
        String problem = Sqlite.problemWith(backupFile, Migrations.LATEST);
        if (!problem.isEmpty()) {
            throw new IOException(backupFile + ": " + problem + "; nothing was restored.");
        }
    }

    /**
     * Moves the current database (with its -wal and -shm) aside and copies {@code backupFile} into its place; the
     * caller holds the data folder's lock.
     *
     * @return where the replaced database went, or the restored file's path when there was none
     */
    public static Path putInPlace(Path dataDir, Path backupFile, Clock clock) throws IOException {
        Path db = dataDir.resolve(Sqlite.PROGRESS_DB);
        Path aside = Files.exists(db) ? DamagedFiles.moveAside(dataDir, "replaced", clock) : db;
        Sqlite.copyInto(backupFile, db);
        LOG.info("restored {} from {}; the previous database is {}", db, backupFile, aside);
        return aside;
    }
}
