package com.quantdesk.store.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The journal's own bookkeeping in the database: its last row, and {@code journal_meta}, which says
 * how the chain is made ({@code chain = hmac-sha256}) and with which key ({@code key_id}, the key's
 * public fingerprint).
 */
public final class JournalTables {

    /** Binds one row of the events table: its columns in the order of the journal's insert. */
    static void bindEvent(PreparedStatement insert, EncodedEvent row, String previousHash, String hash)
            throws SQLException {
        insert.setLong(1, row.sequence());
        insert.setString(2, row.time());
        insert.setString(3, row.type());
        insert.setString(4, row.account());
        insert.setString(5, row.bot());
        insert.setLong(6, row.causationId());
        insert.setString(7, row.payload());
        insert.setString(8, previousHash);
        insert.setString(9, hash);
    }

    /** The chain algorithm recorded for a keyed journal. */
    static final String HMAC_CHAIN = "hmac-sha256";
    private static final String SELECT_TAIL = "SELECT sequence, hash FROM events ORDER BY sequence DESC LIMIT 1";

    private JournalTables() {
    }

    /** The last row's sequence and hash ({@code 0} and {@link HashChain#GENESIS} for an empty journal). */
    record Tail(long sequence, String hash) {
    }

    /**
     * How the stored chain is made.
     *
     * @param events how many events are stored
     * @param keyId  the id of the key that chained them, or empty when the journal is empty or was
     *               written before the chain was keyed
     */
    public record Chain(long events, Optional<String> keyId) {

        /** Whether the journal holds events chained without a key (an earlier version's journal). */
        public boolean unkeyed() {
            return events > 0 && keyId.isEmpty();
        }
    }

    /**
     * Reads how the stored chain is made.
     *
     * @throws JournalException if the database cannot be read
     */
    public static Chain chain(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return new Chain(tail(connection).sequence(), Optional.ofNullable(meta(connection).get("key_id")));
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a journal written before the chain was keyed: it cannot be continued with a key.
     *
     * @throws BrokenJournalException saying what to do with it
     */
    public static void requireKeyed(Chain chain) {
        if (chain.unkeyed()) {
            throw new BrokenJournalException("the journal holds " + chain.events() + " events but records no key id: "
                    + "it was written by an earlier version of Quantdesk, or its key id was removed from journal_meta. "
                    + "It cannot be continued: start on a new data directory or database. 'quantdesk journal verify' "
                    + "checks it with its key if you have one, or, with --legacy-unkeyed, as an old unkeyed journal");
        }
    }

    /**
     * Makes the journal this key's: records the key's id on an empty journal, or checks that a
     * journal with events was chained with it.
     *
     * @return the journal's last row
     * @throws BrokenJournalException naming both ids when the key is not the journal's, or when the
     *                                journal was chained without a key
     */
    static Tail claim(DataSource dataSource, JournalKey key) {
        try (Connection connection = dataSource.getConnection()) {
            Tail tail = tail(connection);
            Map<String, String> meta = meta(connection);
            String keyId = meta.get("key_id");
            if (keyId == null) {
                requireKeyed(new Chain(tail.sequence(), Optional.empty()));
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO journal_meta (name, value) VALUES (?, ?)")) {
                    insert.setString(1, "chain");
                    insert.setString(2, HMAC_CHAIN);
                    insert.addBatch();
                    insert.setString(1, "key_id");
                    insert.setString(2, key.id());
                    insert.addBatch();
                    insert.executeBatch();
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } else if (!keyId.equals(key.id())) {
                throw new BrokenJournalException("the journal was chained with key " + keyId + ", but the key from "
                        + key.source() + " is " + key.id() + ": use the journal's own key file (journal.key from the "
                        + "data directory it was written with) or its " + JournalKey.ENV);
            }
            return tail;
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal's last event: " + e.getMessage(), e);
        }
    }

    static Tail tail(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_TAIL);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? new Tail(rs.getLong(1), rs.getString(2)) : new Tail(0, HashChain.GENESIS);
        }
    }

    private static Map<String, String> meta(Connection connection) throws SQLException {
        Map<String, String> meta = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, value FROM journal_meta");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        }
        return meta;
    }
}
