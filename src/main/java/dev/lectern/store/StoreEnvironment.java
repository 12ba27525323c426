package dev.lectern.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What a progress store takes from its surroundings besides the data folder: where reviews go when the data folder
 * cannot take them, and (for tests) faults injected before a commit or a journal write, as a full disk or a read-only
 * folder would raise them on a machine where the tests cannot make one (run as root, say).
 *
 * @param fallbackRoot the folder in which each data folder has a folder of its own for the journal of unsaved
 *                     reviews when the data folder cannot take it; {@code <java.io.tmpdir>/lectern-<user>} normally
 */
record StoreEnvironment(Path fallbackRoot, Faults faults) {

    /** Faults a test injects; the standard ones never fail. */
    interface Faults {

        Faults NONE = new Faults() {
        };

        /** Called before each commit of reviews to {@code db}; throws what the commit would. */
        default void beforeCommit(Path db) throws SQLException {
        }

        /** Called before reviews are written to the journal {@code file}; throws what the write would. */
        default void beforeJournal(Path file) throws IOException {
        }
    }

    static StoreEnvironment standard() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return new StoreEnvironment(Path.of(System.getProperty("java.io.tmpdir"), "lectern-" + user), Faults.NONE);
    }
}
