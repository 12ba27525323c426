package dev.lectern.store;

import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import dev.lectern.scheduling.ReviewRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which file is at {@code progress.db} (and at its {@code -wal}): the one the store's connection has open, or not. A
 * file's key (device and inode on Linux and macOS) cannot be taken by another file while the connection holds it open,
 * so a different key means the file was replaced, and none that it was deleted; where the system has no file keys,
 * the creation time stands in. One {@code stat} per file: cheap enough to check before and after every commit.
 */
final class DatabaseFile {

    /** What became of the file the connection has open. */
    enum Change {
        /** {@code progress.db} (or its -wal, which holds the latest commits) is gone. */
        DELETED,
        /** Another file is at {@code progress.db}. */
        REPLACED
    }

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFile.class);

    /** Connections to files that were deleted or replaced while open: kept, never closed (see {@link #follow}). */
    private static final List<Connection> ABANDONED = Collections.synchronizedList(new ArrayList<>());

    private final Path db;
    private final Path wal;
    private final Path shm;
    private Object dbKey;
    private Object walKey;
    private Object shmKey;

    DatabaseFile(Path db) {
        this.db = db;
        this.wal = db.resolveSibling(db.getFileName() + "-wal");
        this.shm = db.resolveSibling(db.getFileName() + "-shm");
    }

    /** Takes the files now at the paths as the connection's own (after opening, or after a recovery). */
    void remember() {
        dbKey = key(db);
        walKey = key(wal);
        shmKey = key(shm);
    }

    /** Whether the files are no longer the connection's. */
    boolean moved() {
        return changed().isPresent();
    }

    /** Empty while the files are still the connection's; otherwise what happened to them. */
    Optional<Change> changed() {
        if (dbKey == null) {
            remember();
            return Optional.empty();
        }
        Object now = key(db);
        if (now == null) {
            return Optional.of(Change.DELETED);
        }
        if (!now.equals(dbKey)) {
            return Optional.of(Change.REPLACED);
        }
        Object walNow = key(wal);
        if (walKey == null) {
            walKey = walNow;
            shmKey = key(shm);
        } else if (!Objects.equals(walKey, walNow)) {
            return Optional.of(Change.DELETED);
        }
        return Optional.empty();
    }

    /**
     * A file followed: the store's new connection, the reviews the old one held, and what the user should be told.
     */
    record Followed(Opening.Opened opened, List<ReviewRecord> held, String told) {
    }

    /**
     * When the file at the path is no longer {@code connection}'s: puts a copy of the connection's database in place of
     * a deleted one (a replacement stays), and reopens. The old connection is never closed: closing it would delete
     * the -wal at the path, which may be the new file's.
     *
     * @return empty when the file is still the connection's
     */
    Optional<Followed> follow(Connection connection, Supplier<Opening.Opened> reopen) throws SQLException {
        Optional<Change> change = changed();
        if (change.isEmpty()) {
            return Optional.empty();
        }
        String what = change.get() == Change.DELETED ? db + " was deleted while Lectern had it open"
                : db + " was replaced by another file while Lectern had it open";
        LOG.info(what);
        List<ReviewRecord> held = ReviewTable.asLogged(connection);
        boolean copied = false;
        if (change.get() == Change.DELETED) {
            try {
                Sqlite.backup(connection, db);
                copied = true;
            } catch (IOException | SQLException e) {
                LOG.warn("{}: no copy of the open database could be put in its place: {}", db, e.getMessage());
            }
        }
        ABANDONED.add(connection);
        setAsideOurs(wal, walKey);
        setAsideOurs(shm, shmKey);
        Opening.Opened opened = reopen.get();
        return Optional.of(new Followed(opened, held, what + ": Lectern " + (copied
                ? "put a copy of the database it had open in its place" : "now writes to the file that is there")
                + ", with every review it held (" + held.size() + ")."
                + (opened.notices().isEmpty() ? "" : " " + String.join(" ", opened.notices()))));
    }

    /**
     * Moves the old connection's -wal or -shm out of the new file's way (SQLite would read them as the new file's):
     * what they hold is in the old connection's reviews, and they are kept.
     */
    private static void setAsideOurs(Path file, Object ours) {
        if (ours == null || !ours.equals(key(file))) {
            return;
        }
        Path aside = file.resolveSibling(file.getFileName() + ".left-" + System.currentTimeMillis());
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            LOG.warn("{} could not be moved out of the way: {}", file, e.getMessage());
        }
    }

    private static Object key(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }
}
