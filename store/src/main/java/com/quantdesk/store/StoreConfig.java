package com.quantdesk.store;

import com.quantdesk.store.journal.JournalOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the store keeps its data.
 *
 * @param dataDirectory directory of the SQLite file (and, later, backups); used when no database is set
 * @param database      the PostgreSQL database, or empty for SQLite in the data directory
 * @param poolSize      most JDBC connections held open
 * @param journal       journal batching and retry
 */
public record StoreConfig(Path dataDirectory, Optional<PostgresUrl> database, int poolSize, JournalOptions journal) {

    /** Name of the SQLite database file inside the data directory. */
    public static final String SQLITE_FILE = "quantdesk.db";
    /** Environment variable read when no {@code --db} option is given. */
    public static final String DATABASE_URL_ENV = "DATABASE_URL";
    /** Default connection pool size. */
    public static final int DEFAULT_POOL_SIZE = 8;

    /** Validates the configuration. */
    public StoreConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(journal, "journal");
        if (poolSize < 2) {
            // One connection is the journal writer's; projections queries need at least one more.
            throw new IllegalArgumentException("poolSize must be at least 2, was " + poolSize);
        }
    }

    /** SQLite in {@code dataDirectory}, default pool and journal options. */
    public static StoreConfig sqlite(Path dataDirectory) {
        return new StoreConfig(dataDirectory, Optional.empty(), DEFAULT_POOL_SIZE, JournalOptions.DEFAULTS);
    }

    /**
     * The configuration the command line asks for: the {@code --db} option if given, else the
     * {@code DATABASE_URL} environment variable, else SQLite in {@code dataDirectory}.
     *
     * @param dbOption value of {@code --db}, or null
     * @param env      the environment ({@code System.getenv()})
     * @throws IllegalArgumentException if the URL cannot be parsed
     */
    public static StoreConfig resolve(Path dataDirectory, String dbOption, Map<String, String> env) {
        String url = dbOption != null && !dbOption.isBlank() ? dbOption : env.get(DATABASE_URL_ENV);
        Optional<PostgresUrl> database = url == null || url.isBlank() ? Optional.empty()
                : Optional.of(PostgresUrl.parse(url));
        return new StoreConfig(dataDirectory, database, DEFAULT_POOL_SIZE, JournalOptions.DEFAULTS);
    }

    /** Which database this configuration selects. */
    public Dialect dialect() {
        return database.isPresent() ? Dialect.POSTGRESQL : Dialect.SQLITE;
    }

    /** The SQLite file: {@code <dataDirectory>/quantdesk.db}. */
    public Path sqliteFile() {
        return dataDirectory.resolve(SQLITE_FILE);
    }

    /** A copy using {@code newDatabase}. */
    public StoreConfig withDatabase(PostgresUrl newDatabase) {
        return new StoreConfig(dataDirectory, Optional.of(newDatabase), poolSize, journal);
    }

    /** A copy with another pool size. */
    public StoreConfig withPoolSize(int newPoolSize) {
        return new StoreConfig(dataDirectory, database, newPoolSize, journal);
    }

    /** A copy with other journal options. */
    public StoreConfig withJournal(JournalOptions newJournal) {
        return new StoreConfig(dataDirectory, database, poolSize, newJournal);
    }
}
