package com.quantdesk.store.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Walks the journal's hash chain from the first row and reports the first row that breaks it:
 * a changed row (its stored MAC no longer matches its columns), a deleted row (a gap in the
 * sequence, or a {@code prev_hash} that no longer matches the row before) or reordered rows.
 *
 * <p>Verification is with the journal's key. Only an explicit {@link #unkeyed} verifier checks a
 * journal written before the chain was keyed with its plain SHA-256 chain: such a check cannot tell
 * an old journal from one rewritten by someone who also removed its key id, so it is never chosen
 * by what the database says.
 */
public final class JournalVerifier {

    private final DataSource dataSource;
    private final JournalKey key;

    /** A verifier reading from {@code dataSource}, checking every row's MAC with {@code key}. */
    public JournalVerifier(DataSource dataSource, JournalKey key) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.key = Objects.requireNonNull(key, "key");
    }

    private JournalVerifier(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.key = null;
    }

    /** A verifier of a journal written before the chain was keyed: plain SHA-256, no key. */
    public static JournalVerifier unkeyed(DataSource dataSource) {
        return new JournalVerifier(dataSource);
    }

    /**
     * Verifies the whole journal.
     *
     * @throws BrokenJournalException if the journal was chained with another key
     * @throws JournalException       if the database cannot be read
     */
    public Verification verify() {
        JournalTables.Chain stored = JournalTables.chain(dataSource);
        if (key == null && stored.keyId().isPresent()) {
            throw new BrokenJournalException("the journal records key id " + stored.keyId().get()
                    + ": it is keyed, verify it with its key (journal.key in its data directory, or " + JournalKey.ENV
                    + ")");
        }
        if (key != null && stored.keyId().isPresent() && !stored.keyId().get().equals(key.id())) {
            throw new BrokenJournalException("the journal was chained with key " + stored.keyId().get()
                    + ", but the key from " + key.source() + " is " + key.id() + ": verify it with its own key");
        }
        Walk walk = new Walk(key == null ? null : new HashChain(key));
        try (Connection connection = dataSource.getConnection()) {
            JournalReader.read(connection, walk::accept, false);
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal: " + e.getMessage(), e);
        }
        String how = key == null ? "unkeyed SHA-256 chain, checked as a journal written before the chain was keyed"
                : "HMAC-SHA256 chain, key " + key.id()
                        + (stored.keyId().isEmpty() && stored.events() > 0 ? "; journal_meta records no key id" : "");
        return walk.broken != null ? walk.broken : new Verification.Intact(walk.count, walk.expectedPrevious, how);
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
         * @param chain    how the chain is made (keyed, and by which key, or unkeyed)
         */
        record Intact(long events, String lastHash, String chain) implements Verification {
            @Override
            public boolean ok() {
                return true;
            }

            @Override
            public String toString() {
                return "OK: " + events + " events, hash chain intact (last hash " + lastHash + "; " + chain + ")";
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
        private final HashChain chain;
        private long count;
        private String expectedPrevious = HashChain.GENESIS;
        private Verification.Broken broken;

        /** @param chain the keyed chain, or null to check the unkeyed SHA-256 chain */
        Walk(HashChain chain) {
            this.chain = chain;
        }

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
            String hash = chain == null ? HashChain.unkeyed(expectedPrevious, row.event())
                    : chain.hash(expectedPrevious, row.event());
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
