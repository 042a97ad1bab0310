package com.quantdesk.store;

import com.quantdesk.store.journal.JdbcEventJournal;
import com.quantdesk.store.journal.JournalKey;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * An open store: the journal, its key, the probe that watches the database, and the pooled data
 * source its projections can be queried through. Closing it flushes the journal, then closes the pool.
 */
public final class Store implements AutoCloseable {

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final JdbcEventJournal journal;
    private final JournalKey key;
    private final DatabaseProbe probe;

    Store(Dialect dialect, HikariDataSource dataSource, JdbcEventJournal journal, JournalKey key,
          DatabaseProbe probe) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.journal = journal;
        this.key = key;
        this.probe = probe;
    }

    /** The key the journal's chain is made with. */
    public JournalKey journalKey() {
        return key;
    }

    /** The database in use. */
    public Dialect dialect() {
        return dialect;
    }

    /** The event journal. */
    public JdbcEventJournal journal() {
        return journal;
    }

    /** Pooled connections to the same database, for queries over the projections. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            journal.close();
        } finally {
            try {
                probe.close();
            } finally {
                dataSource.close();
            }
        }
    }
}
