package com.quantdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * A transaction that will write, begun so that it cannot lose a race it never saw. On SQLite a
 * transaction begun the usual (deferred) way takes the write lock only at its first write; if it
 * read first (the journal reads its tail, then inserts) and another connection committed in
 * between, the write fails at once with {@code SQLITE_BUSY} and no busy timeout helps. Begun
 * {@code IMMEDIATE} it takes the lock up front, waiting for it under the busy timeout. Other
 * databases take their usual transaction.
 */
public final class WriteTransaction {

    /** Work inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs on the connection; the transaction commits when it returns. */
        T run(Connection connection) throws SQLException;
    }

    private WriteTransaction() {
    }

    /** Runs {@code work} in one write transaction on {@code connection}: all of it commits, or none. */
    public static <T> T run(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        begin(connection);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void begin(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(SQLiteConnection.class)) {
            connection.setAutoCommit(false);
            return;
        }
        SQLiteConnectionConfig config = connection.unwrap(SQLiteConnection.class).getConnectionConfig();
        SQLiteConfig.TransactionMode mode = config.getTransactionMode();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            connection.setAutoCommit(false);
        } finally {
            // Only this transaction begins IMMEDIATE: the driver begins the next one when this one
            // commits, and that one (empty, ended when auto-commit comes back) must take no lock.
            config.setTransactionMode(mode);
        }
    }
}
