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
 * @param journalKey    the journal key from {@code QD_JOURNAL_KEY}, or empty to use (or create) the key file
 *                      in the data directory
 */
public record StoreConfig(Path dataDirectory, Optional<PostgresUrl> database, int poolSize, JournalOptions journal,
                          Optional<String> journalKey) {

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
        Objects.requireNonNull(journalKey, "journalKey");
        if (poolSize < 2) {
            // One connection is the journal writer's; projections queries need at least one more.
            throw new IllegalArgumentException("poolSize must be at least 2, was " + poolSize);
        }
    }

    /** SQLite in {@code dataDirectory}, default pool and journal options. */
    public static StoreConfig sqlite(Path dataDirectory) {
        return new StoreConfig(dataDirectory, Optional.empty(), DEFAULT_POOL_SIZE, JournalOptions.DEFAULTS,
                Optional.empty());
    }

    /**
     * The configuration the command line asks for: the {@code --db} option if given, else the
     * {@code DATABASE_URL} environment variable, else SQLite in {@code dataDirectory}; the journal key
     * from {@code QD_JOURNAL_KEY} if set, else the data directory's key file.
     *
     * @param dbOption value of {@code --db}, or null
     * @param env      the environment ({@code System.getenv()})
     * @throws IllegalArgumentException if the URL cannot be parsed
     */
    public static StoreConfig resolve(Path dataDirectory, String dbOption, Map<String, String> env) {
        String url = dbOption != null && !dbOption.isBlank() ? dbOption : env.get(DATABASE_URL_ENV);
        Optional<PostgresUrl> database = url == null || url.isBlank() ? Optional.empty()
                : Optional.of(PostgresUrl.parse(url));
        String key = env.get(com.quantdesk.store.journal.JournalKey.ENV);
        return new StoreConfig(dataDirectory, database, DEFAULT_POOL_SIZE, JournalOptions.DEFAULTS,
                key == null || key.isBlank() ? Optional.empty() : Optional.of(key));
    }

    /** The configuration with the journal key hidden, like the database password. */
    @Override
    public String toString() {
        return "StoreConfig[dataDirectory=" + dataDirectory + ", database=" + database + ", poolSize=" + poolSize
                + ", journal=" + journal + ", journalKey=" + (journalKey.isPresent() ? "***" : "none") + "]";
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
        return new StoreConfig(dataDirectory, Optional.of(newDatabase), poolSize, journal, journalKey);
    }

    /** A copy with another pool size. */
    public StoreConfig withPoolSize(int newPoolSize) {
        return new StoreConfig(dataDirectory, database, newPoolSize, journal, journalKey);
    }

    /** A copy with other journal options. */
    public StoreConfig withJournal(JournalOptions newJournal) {
        return new StoreConfig(dataDirectory, database, poolSize, newJournal, journalKey);
    }

    /** A copy with another data directory (where the SQLite file and the journal key live). */
    public StoreConfig withDataDirectory(Path newDataDirectory) {
        return new StoreConfig(newDataDirectory, database, poolSize, journal, journalKey);
    }

    /** A copy whose journal key is {@code key} (text as {@code QD_JOURNAL_KEY} takes it). */
    public StoreConfig withJournalKey(String key) {
        return new StoreConfig(dataDirectory, database, poolSize, journal, Optional.of(key));
    }

    /** Whether a journal key is at hand: {@code QD_JOURNAL_KEY}, or the data directory's key file. */
    public boolean journalKeyAvailable() {
        return journalKey.isPresent()
                || java.nio.file.Files.exists(dataDirectory.resolve(com.quantdesk.store.journal.JournalKey.FILE));
    }

    /**
     * The journal's key: {@code QD_JOURNAL_KEY} if given, else the data directory's key file, which is
     * generated if {@code mayCreate} (only for a journal without events).
     */
    public com.quantdesk.store.journal.JournalKey loadJournalKey(boolean mayCreate) {
        return com.quantdesk.store.journal.JournalKey.load(dataDirectory, journalKey, mayCreate);
    }
}
