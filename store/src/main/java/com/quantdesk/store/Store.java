package com.quantdesk.store;

import com.quantdesk.store.journal.JdbcEventJournal;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * An open store: the journal and the pooled data source its projections can be queried through.
 * Closing it flushes the journal, then closes the pool.
 */
public final class Store implements AutoCloseable {

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final JdbcEventJournal journal;

    Store(Dialect dialect, HikariDataSource dataSource, JdbcEventJournal journal) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.journal = journal;
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
            dataSource.close();
        }
    }
}
