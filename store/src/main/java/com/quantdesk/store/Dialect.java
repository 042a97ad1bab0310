package com.quantdesk.store;

/** The databases the store runs on. */
public enum Dialect {
    /** SQLite: one file in the data directory, the embedded default. */
    SQLITE("sqlite"),
    /** PostgreSQL 14+: production. */
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Flyway location of the migrations only this database runs (beside the common ones). */
    public String vendorMigrations() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
