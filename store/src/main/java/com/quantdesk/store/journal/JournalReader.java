package com.quantdesk.store.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Streams the {@code events} table in sequence order without loading it into memory. */
final class JournalReader {

    private static final String SELECT_ALL = """
            SELECT sequence, time, type, account, bot, causation_id, payload, prev_hash, hash
            FROM events ORDER BY sequence""";
    private static final int FETCH_SIZE = 1_000;

    /** One stored row. */
    record StoredRow(EncodedEvent event, String prevHash, String hash) {
    }

    private JournalReader() {
    }

    /**
     * Hands every row to {@code sink} in sequence order.
     *
     * @param requireContiguous throw {@link JournalException} on a gap or a sequence not starting at 1
     */
    static long read(Connection connection, Consumer<StoredRow> sink, boolean requireContiguous) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL only streams with a cursor, and only inside a transaction.
        connection.setAutoCommit(false);
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ALL)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    EncodedEvent event = new EncodedEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7));
                    count++;
                    if (requireContiguous && event.sequence() != count) {
                        throw new JournalException("journal has a gap: expected event " + count + ", found "
                                + event.sequence());
                    }
                    sink.accept(new StoredRow(event, rs.getString(8), rs.getString(9)));
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return count;
    }
}
