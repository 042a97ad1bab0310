package com.quantdesk.store.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Walks the journal's hash chain from the first row and reports the first row that breaks it:
 * a changed row (its stored hash no longer matches its columns), a deleted row (a gap in the
 * sequence, or a {@code prev_hash} that no longer matches the row before) or reordered rows.
 */
public final class JournalVerifier {

    private final DataSource dataSource;

    /** A verifier reading from {@code dataSource}. */
    public JournalVerifier(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Verifies the whole journal.
     *
     * @throws JournalException if the database cannot be read
     */
    public Verification verify() {
        Walk walk = new Walk();
        try (Connection connection = dataSource.getConnection()) {
            JournalReader.read(connection, walk::accept, false);
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal: " + e.getMessage(), e);
        }
        return walk.broken != null ? walk.broken : new Verification.Intact(walk.count, walk.expectedPrevious);
    }

    /** The outcome of a verification. */
    public sealed interface Verification {

        /** Whether the chain is intact. */
        boolean ok();

        /**
         * Every row chains to the one before.
         *
         * @param events   number of rows checked
         * @param lastHash hash of the last row ({@link HashChain#GENESIS} when empty)
         */
        record Intact(long events, String lastHash) implements Verification {
            @Override
            public boolean ok() {
                return true;
            }

            @Override
            public String toString() {
                return "OK: " + events + " events, hash chain intact (last hash " + lastHash + ")";
            }
        }

        /**
         * The first row that breaks the chain; rows before it are intact.
         *
         * @param sequence the row's sequence (the sequence that was expected, for a gap)
         * @param problem  what is wrong, for a person
         * @param expected the hash the row should carry (or the expected sequence, for a gap)
         * @param stored   what the table holds
         * @param checked  rows found intact before it
         */
        record Broken(long sequence, String problem, String expected, String stored, long checked)
                implements Verification {
            @Override
            public boolean ok() {
                return false;
            }

            @Override
            public String toString() {
                return "BROKEN at event " + sequence + ": " + problem + " (expected " + expected + ", stored "
                        + stored + "; " + checked + " events before it are intact)";
            }
        }
    }

    private static final class Walk {
        private long count;
        private String expectedPrevious = HashChain.GENESIS;
        private Verification.Broken broken;

        void accept(JournalReader.StoredRow row) {
            if (broken != null) {
                return;
            }
            long expectedSequence = count + 1;
            long sequence = row.event().sequence();
            if (sequence != expectedSequence) {
                broken = new Verification.Broken(expectedSequence,
                        sequence > expectedSequence ? "row missing (gap in the sequence)" : "sequence out of order",
                        "sequence " + expectedSequence, "sequence " + sequence, count);
                return;
            }
            if (!row.prevHash().equals(expectedPrevious)) {
                broken = new Verification.Broken(sequence, "prev_hash does not match the row before (rows removed,"
                        + " reordered or rewritten)", expectedPrevious, row.prevHash(), count);
                return;
            }
            String hash = HashChain.hash(expectedPrevious, row.event());
            if (!hash.equals(row.hash())) {
                broken = new Verification.Broken(sequence, "row content does not match its hash (modified)", hash,
                        row.hash(), count);
                return;
            }
            expectedPrevious = hash;
            count++;
        }
    }
}
