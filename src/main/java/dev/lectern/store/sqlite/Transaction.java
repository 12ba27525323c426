package dev.lectern.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one way the store writes: a {@code BEGIN IMMEDIATE} transaction that is committed when the work returns and
 * rolled back when it throws, so a database is never left between two states.
 */
public final class Transaction {

    /**
     * Work done inside a transaction.
     *
     * @param <T> what it gives back ({@code Void} and {@code null} when nothing)
     * @param <E> the checked exception it may throw besides {@link SQLException}; inferred as
     *            {@link RuntimeException} when it throws none
     */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection connection) throws SQLException, E;
    }

    private Transaction() {
    }

    /**
     * Runs {@code work} in a write transaction on {@code connection} and commits it. {@code IMMEDIATE} takes the write
     * lock at the start, so a busy database fails (after the busy timeout) before any work is done.
     *
     * @return what the work gave back
     * @throws SQLException when the transaction cannot start or commit, or the work failed with one; nothing is then
     *                      committed
     */
    public static <T, E extends Exception> T write(Connection connection, Work<T, E> work) throws SQLException, E {
        Sqlite.exec(connection, "BEGIN IMMEDIATE");
        try {
            T result = work.run(connection);
            Sqlite.exec(connection, "COMMIT");
            return result;
        } catch (Exception e) {
            Sqlite.rollbackQuietly(connection);
            throw e;
        }
    }
}
