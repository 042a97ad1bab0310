package com.quantdesk.store;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
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
        MigrateResult result = flyway(dataSource, dialect).migrate();
        return result.migrationsExecuted;
    }

    /**
     * The migrations a start would apply, without applying any, as {@code V<version> <description>}.
     * Empty when the schema is current.
     */
    public static List<String> pending(DataSource dataSource, Dialect dialect) {
        List<String> pending = new ArrayList<>();
        for (MigrationInfo info : flyway(dataSource, dialect).info().pending()) {
            pending.add("V" + info.getVersion() + " " + info.getDescription());
        }
        return pending;
    }

    private static Flyway flyway(DataSource dataSource, Dialect dialect) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", dialect.vendorMigrations())
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .load();
    }
}
