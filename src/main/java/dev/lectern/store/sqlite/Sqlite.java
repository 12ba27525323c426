package dev.lectern.store.sqlite;

import dev.lectern.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Connections to Lectern's SQLite files, their settings, what their errors mean, and copies of them. Public for the
 * store's other sub-packages only ({@code ArchitectureRules.storeInternalsAreUsedOnlyByTheStore}).
 */
public final class Sqlite {

    /** The progress database's file name in the data folder. */
    public static final String PROGRESS_DB = "progress.db";

    /** 'LCTN': the application id of Lectern's progress database. */
    public static final int APPLICATION_ID = 0x4C43544E;

    /** How long a write waits for another connection's lock before giving up with SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MS = 3000;

    private Sqlite() {
    }

    /**
     * A connection to {@code file}: WAL, {@code synchronous=FULL}, foreign keys on and a busy timeout; read-only ones
     * neither create the file nor change its journal mode.
     */
    public static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        }
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** An empty database in memory, for a window that cannot open the real one. */
    public static Connection inMemory() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite::memory:");
    }

    public static void exec(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    public static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public static List<String> queryStrings(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Whether the database has a table of that name (older schema versions lack some). */
    public static boolean hasTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            } else {
                exec(connection, "ROLLBACK");
            }
        } catch (SQLException ignored) {
            // No transaction was open, or the connection is gone; nothing was committed either way.
        }
    }

    /** The primary result code (SQLITE_FULL, SQLITE_BUSY …) of an exception, or -1 when it has none. */
    public static int primaryCode(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
        return code < 0 ? -1 : code & 0xff;
    }

    /** Whether the file itself is damaged or not a database at all. */
    public static boolean isDamage(SQLException e) {
        int code = primaryCode(e);
        return code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    /** A plain sentence on why a write failed. */
    public static String reason(SQLException e, Path dataDir) {
        int code = primaryCode(e);
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk is full";
        }
        if (e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_READONLY_DBMOVED) {
            return "the progress database was moved or deleted while Lectern had it open";
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code
                || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return dataDir + " cannot be written to";
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return "the progress database is busy";
        }
        if (code == SQLiteErrorCode.SQLITE_IOERR.code) {
            // A full disk shows as an I/O error where SQLite grows a file it has mapped (the -shm, SQLITE_IOERR_SHMSIZE).
            return nearlyFull(dataDir) ? "the disk is full" : "the disk reported an error";
        }
        if (isDamage(e)) {
            return "the progress database is damaged";
        }
        return "the progress database reported a problem (" + firstLine(e.getMessage()) + ")";
    }

    /** Whether the file system of {@code dir} has (nearly) no room left. */
    private static boolean nearlyFull(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace() < 256 * 1024;
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The result of {@code PRAGMA quick_check} (or {@code integrity_check}): empty when the file is sound. */
    public static List<String> check(Connection connection, boolean full) throws SQLException {
        List<String> rows = queryStrings(connection, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
        return rows.size() == 1 && "ok".equals(rows.get(0)) ? List.of() : rows;
    }

    /**
     * A consistent copy of the open database into {@code target}, by SQLite's online backup API: written next to it,
     * flushed, then renamed into place, so a half-written copy never has the target's name.
     */
    public static void backup(Connection connection, Path target) throws SQLException, IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.delete(tmp);
            SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
            int rc = sqlite.getDatabase().backup("main", tmp.toString(), null);
            if (rc != SQLiteErrorCode.SQLITE_OK.code) {
                throw new SQLiteException("the backup stopped with code " + rc, SQLiteErrorCode.getErrorCode(rc));
            }
            AtomicFiles.force(tmp);
            AtomicFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Copies a closed database file into place: to a temporary file, flushed, then renamed. */
    public static void copyInto(Path source, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.force(tmp);
            AtomicFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Whether {@code file} is a sound Lectern progress database this version can open: it opens, passes
     * {@code quick_check}, carries Lectern's application id and a schema version from 1 to {@code latest}.
     *
     * @return empty when it is; otherwise why not, in a few words
     */
    public static String problemWith(Path file, int latest) {
        if (!Files.isRegularFile(file)) {
            return "no such file";
        }
        try (Connection c = open(file, true)) {
            List<String> problems = check(c, false);
            if (!problems.isEmpty()) {
                return "it is damaged (" + problems.get(0) + ")";
            }
            long app = queryLong(c, "PRAGMA application_id");
            long version = queryLong(c, "PRAGMA user_version");
            if (app != APPLICATION_ID) {
                return "it is not a Lectern progress database";
            }
            if (version < 1 || version > latest) {
                return "it has schema version " + version + ", which this Lectern does not read";
            }
            return "";
        } catch (SQLException e) {
            return isDamage(e) ? "it is damaged or not a database" : firstLine(e.getMessage());
        }
    }

    /** Closes a connection (if any), logging rather than throwing a failure to close it. */
    public static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(Sqlite.class).warn("closing the progress database: {}",
                        e.getMessage());
            }
        }
    }
}
