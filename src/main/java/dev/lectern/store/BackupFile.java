package dev.lectern.store;

import dev.lectern.store.backup.Backups;
import dev.lectern.store.backup.Restore;
import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A backup of the progress database in the data folder's {@code backups/}, as {@code lectern backup --list} and the
 * app name it.
 *
 * @param reviews how many reviews it holds; empty when it cannot be read as a sound Lectern progress database
 */
public record BackupFile(Path file, Instant written, long bytes, OptionalLong reviews) {

    /** The backups of {@code dataDir}, newest first. */
    public static List<BackupFile> list(Path dataDir) {
        List<BackupFile> found = new ArrayList<>();
        for (Path file : Backups.list(dataDir.toAbsolutePath())) {
            found.add(of(file));
        }
        return found;
    }

    /**
     * The newest backup that can be restored, when the data folder has no {@code progress.db} (it was deleted, or
     * the folder moved) but has backups.
     */
    public static Optional<BackupFile> restorableWhenMissing(Path dataDir) {
        Path db = dataDir.toAbsolutePath().resolve(Sqlite.PROGRESS_DB);
        if (Files.exists(db)) {
            return Optional.empty();
        }
        return Backups.newestSound(dataDir.toAbsolutePath()).map(BackupFile::of);
    }

    /** The name, when it was written (to the minute, in {@code zone}), its size, and its reviews. */
    public String describe(ZoneId zone) {
        return file.getFileName() + "  " + LocalDateTime.ofInstant(written, zone).truncatedTo(ChronoUnit.MINUTES)
                .toString().replace('T', ' ') + "  " + size(bytes) + "  "
                + (reviews.isPresent() ? reviews.getAsLong() + (reviews.getAsLong() == 1 ? " review" : " reviews")
                        : "cannot be read");
    }

    /** {@link #restore(Path, Path, java.time.Clock)} with the system clock. */
    public static Path restore(Path dataDir, Path backupFile) throws IOException {
        return restore(dataDir, backupFile, java.time.Clock.systemDefaultZone());
    }

    /**
     * Puts {@code backupFile} in place of the data folder's database, after checking it is a sound Lectern progress
     * database. The current database (with its -wal and -shm) is moved aside, never deleted. Lectern must not have
     * the folder open.
     *
     * @return where the replaced database went, or the restored file's path when there was none
     * @throws IOException with a {@code file: message} sentence when the backup is not sound or Lectern is running
     */
    public static Path restore(Path dataDir, Path backupFile, java.time.Clock clock) throws IOException {
        Path dir = dataDir.toAbsolutePath();
        Restore.checkSound(backupFile);
        Files.createDirectories(dir);
        try (StoreLock held = StoreLock.take(dir).orElseThrow(() -> new IOException(dir
                + ": another Lectern is using this folder; close it and restore again."))) {
            return Restore.putInPlace(dir, backupFile, clock);
        }
    }

    /** What the store says at open when {@code progress.db} was missing and a backup could be restored. */
    static Optional<String> whenMissing(Path dataDir) {
        return restorableWhenMissing(dataDir).filter(b -> b.reviews().orElse(0) > 0).map(b -> Sqlite.PROGRESS_DB
                + " was missing from " + dataDir + ", so Lectern started a new, empty one. The newest backup, "
                + b.file() + ", holds " + b.reviews().getAsLong() + " reviews; to go back to it, close Lectern and run:"
                + " lectern restore " + b.file());
    }

    private static BackupFile of(Path file) {
        Instant written;
        long bytes;
        try {
            written = Files.getLastModifiedTime(file).toInstant();
            bytes = Files.size(file);
        } catch (IOException e) {
            written = Instant.EPOCH;
            bytes = 0;
        }
        OptionalLong reviews = OptionalLong.empty();
        if (Sqlite.problemWith(file, Migrations.LATEST).isEmpty()) {
            try (Connection c = Sqlite.open(file, true)) {
                reviews = OptionalLong.of(Sqlite.queryLong(c, "SELECT count(*) FROM review"));
            } catch (SQLException e) {
                reviews = OptionalLong.empty();
            }
        }
        return new BackupFile(file, written, bytes, reviews);
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
