package com.quantdesk.store;

import com.quantdesk.store.journal.JdbcEventJournal;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the store a {@link StoreConfig} describes. */
public final class Stores {

    private static final Logger LOG = LoggerFactory.getLogger(Stores.class);
    // How long a caller waits for a pooled connection before the attempt fails; the journal writer
    // turns unhealthy after one such failure, so this bounds how late an outage is noticed.
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private Stores() {
    }

    /**
     * Opens the database (creating the SQLite file if needed), applies pending migrations and opens
     * the journal.
     *
     * @throws RuntimeException if the database cannot be reached or migrated
     */
    public static Store open(StoreConfig config) {
        HikariDataSource dataSource = dataSource(config);
        try {
            int applied = Migrations.migrate(dataSource, config.dialect());
            if (applied > 0) {
                LOG.info("store: applied {} migrations", applied);
            }
            return new Store(config.dialect(), dataSource, JdbcEventJournal.open(dataSource, config.journal()));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** A connection pool for the configured database, without migrating it. */
    public static HikariDataSource dataSource(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setMaximumPoolSize(config.poolSize());
        // Two connections (the journal writer and one for queries) are made at start; the rest on demand,
        // so opening the pool does not compete with the start-up replay.
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        if (config.database().isPresent()) {
            PostgresUrl url = config.database().get();
            hikari.setPoolName("quantdesk-postgresql");
            hikari.setJdbcUrl(url.jdbcUrl());
            if (!url.user().isEmpty()) {
                hikari.setUsername(url.user());
            }
            if (!url.password().isEmpty()) {
                hikari.setPassword(url.password());
            }
            hikari.addDataSourceProperty("connectTimeout", "5");
            hikari.addDataSourceProperty("socketTimeout", "60");
            hikari.addDataSourceProperty("tcpKeepAlive", "true");
            hikari.addDataSourceProperty("ApplicationName", "quantdesk");
            LOG.info("store: PostgreSQL at {}", url);
        } else {
            try {
                Files.createDirectories(config.dataDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + config.dataDirectory(), e);
            }
            hikari.setPoolName("quantdesk-sqlite");
            hikari.setJdbcUrl("jdbc:sqlite:" + config.sqliteFile().toAbsolutePath());
            // WAL lets readers run beside the writer; FULL syncs the WAL on every commit, which is what
            // "durable" promises; the busy timeout covers a reader holding a lock during a checkpoint.
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("synchronous", "FULL");
            hikari.addDataSourceProperty("busy_timeout", "5000");
            LOG.info("store: SQLite at {}", config.sqliteFile().toAbsolutePath());
        }
        return new HikariDataSource(hikari);
    }
}
