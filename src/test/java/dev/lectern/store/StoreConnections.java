package dev.lectern.store;

import dev.lectern.store.sqlite.Sqlite;
import java.sql.Connection;
import java.sql.SQLException;

/** The open connection of a progress store, for tests in the store's sub-packages too (to fill the disk, say). */
public final class StoreConnections {

    private StoreConnections() {
    }

    public static Connection of(ProgressStore store) {
        return store.connection();
    }

    /**
     * Limits the database to the pages it has, so the next write that needs a new page (a long answer, say) fails
     * with SQLITE_FULL, as on a full disk.
     */
    public static void fillTheDisk(ProgressStore store) throws SQLException {
        long pages = Sqlite.queryLong(store.connection(), "PRAGMA page_count");
        Sqlite.exec(store.connection(), "PRAGMA max_page_count = " + pages);
    }
}
