package com.quantdesk.store;

import com.quantdesk.store.journal.JdbcEventJournal;
import com.quantdesk.store.journal.JournalKey;
import com.quantdesk.store.journal.JournalTables;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the store a {@link StoreConfig} describes. */
public final class Stores {

    private static final Logger LOG = LoggerFactory.getLogger(Stores.class);
    // How long a caller waits for a pooled connection before the attempt fails; the journal writer
    // turns unhealthy after one such failure, so this bounds how late an outage is noticed.
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** How often, and how patiently, the database is asked whether it is there. */
    private static final Duration PROBE_EVERY = Duration.ofMillis(500);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private Stores() {
    }

    /**
     * Opens the database (creating the SQLite file if needed), applies pending migrations, loads the
     * journal key (generating it for a new journal), opens the journal and starts the probe that
     * watches the database.
     *
     * @throws RuntimeException if the database cannot be reached or migrated
     */
    public static Store open(StoreConfig config) {
        HikariDataSource dataSource = dataSource(config);
        DatabaseProbe probe = null;
        try {
            int applied = Migrations.migrate(dataSource, config.dialect());
            if (applied > 0) {
                LOG.info("store: applied {} migrations", applied);
            }
            JournalTables.Chain chain = JournalTables.chain(dataSource);
            JournalTables.requireKeyed(chain);
            // A key may be generated only for a journal that has never been chained with one.
            JournalKey key = config.loadJournalKey(chain.events() == 0 && chain.keyId().isEmpty());
            JdbcEventJournal journal = JdbcEventJournal.open(dataSource, config.journal(), key);
            probe = new DatabaseProbe(probeConnector(config), PROBE_EVERY, PROBE_TIMEOUT, journal::retryNow);
            journal.watch(probe::reachable);
            return new Store(config.dialect(), dataSource, journal, key, probe);
        } catch (RuntimeException e) {
            if (probe != null) {
                probe.close();
            }
            dataSource.close();
            throw e;
        }
    }

    /** The probe's own connection: outside the pool, with short connect and read timeouts. */
    private static DatabaseProbe.Connector probeConnector(StoreConfig config) {
        if (config.database().isEmpty()) {
            String url = "jdbc:sqlite:" + config.sqliteFile().toAbsolutePath();
            return () -> DriverManager.getConnection(url);
        }
        PostgresUrl url = config.database().get();
        Properties properties = new Properties();
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        if (!url.password().isEmpty()) {
            properties.setProperty("password", url.password());
        }
        long seconds = Math.max(1, PROBE_TIMEOUT.toSeconds());
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("socketTimeout", Long.toString(seconds + 1));
        properties.setProperty("loginTimeout", Long.toString(seconds));
        properties.setProperty("ApplicationName", "quantdesk-probe");
        return () -> DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /**
     * A data source for looking at the configured database without changing it: no pool, nothing
     * created (a missing SQLite file is an error on connecting, not a new empty database), SQLite opened
     * read-only. For checks such as the preflight.
     */
    public static javax.sql.DataSource inspection(StoreConfig config) {
        if (config.database().isPresent()) {
            PostgresUrl url = config.database().get();
            org.postgresql.ds.PGSimpleDataSource data = new org.postgresql.ds.PGSimpleDataSource();
            data.setURL(url.jdbcUrl());
            if (!url.user().isEmpty()) {
                data.setUser(url.user());
            }
            if (!url.password().isEmpty()) {
                data.setPassword(url.password());
            }
            data.setConnectTimeout((int) CONNECTION_TIMEOUT.toSeconds());
            data.setLoginTimeout((int) CONNECTION_TIMEOUT.toSeconds());
            data.setApplicationName("quantdesk-inspection");
            return data;
        }
        org.sqlite.SQLiteConfig sqlite = new org.sqlite.SQLiteConfig();
        sqlite.setReadOnly(true);
        sqlite.setBusyTimeout(5000);
        org.sqlite.SQLiteDataSource data = new org.sqlite.SQLiteDataSource(sqlite);
        data.setUrl("jdbc:sqlite:" + config.sqliteFile().toAbsolutePath());
        return data;
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
