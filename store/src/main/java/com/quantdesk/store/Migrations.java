package com.quantdesk.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to date with Flyway: the common migrations plus the ones for its
 * dialect ({@code db/migration/common}, {@code db/migration/<dialect>}).
 */
public final class Migrations {

    private Migrations() {
    }

    /**
     * Applies every pending migration.
     *
     * @return how many were applied
     */
    public static int migrate(DataSource dataSource, Dialect dialect) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", dialect.vendorMigrations())
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
