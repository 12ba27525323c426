package dev.lectern.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Faults injected into a store for tests, as the machine would raise them where the tests cannot make them for real:
 * the next {@code n} commits fail with an SQLite error, and the journal in the data folder fails as on a full disk.
 */
final class Faults implements StoreEnvironment.Faults {

    private final Path dataDir;
    private final AtomicInteger failingCommits = new AtomicInteger();
    private volatile SQLiteErrorCode code = SQLiteErrorCode.SQLITE_FULL;
    private volatile boolean dataFolderFull;

    Faults(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    /** A store on {@code dataDir} with these faults and {@code fallbackRoot} for its fallback folders. */
    StoreEnvironment environment(Path fallbackRoot) {
        return new StoreEnvironment(fallbackRoot, this);
    }

    /** The next {@code n} commits fail with {@code code}. */
    Faults failCommits(int n, SQLiteErrorCode code) {
        this.code = code;
        failingCommits.set(n);
        return this;
    }

    /** Writes to the journal in the data folder fail, as on a full disk (the fallback folder takes them). */
    Faults fillTheDataFolder(boolean full) {
        dataFolderFull = full;
        return this;
    }

    Faults none() {
        failingCommits.set(0);
        dataFolderFull = false;
        return this;
    }

    @Override
    public void beforeCommit(Path db) throws SQLException {
        if (failingCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SQLiteException("[" + code.name() + "] injected: " + code.message, code);
        }
    }

    @Override
    public void beforeJournal(Path file) throws IOException {
        if (dataFolderFull && file.getParent().equals(dataDir)) {
            throw new IOException(file + ": No space left on device");
        }
    }
}
