package com.quantdesk.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL schema of its own for one test: {@code qd_test_<random>} on the server at
 * {@code QD_TEST_DATABASE_URL} (CI points it at the machine's server) or, when that is unset, on an
 * embedded server started once per JVM from Maven artifacts (initdb refuses to run as root, which is
 * why CI uses the variable). The schema is dropped on {@link #close()}, so tests never see each
 * other's rows, nor another build's on the same server.
 */
public final class PostgresTestDatabase implements TestDatabase {

    /** Environment variable naming the test server. */
    public static final String ENV = "QD_TEST_DATABASE_URL";

    private static PostgresUrl server;

    private final PostgresUrl serverUrl;
    private final String schema;
    private final StoreConfig config;

    private PostgresTestDatabase(PostgresUrl serverUrl, String schema, Path dataDirectory) {
        this.serverUrl = serverUrl;
        this.schema = schema;
        String separator = serverUrl.jdbcUrl().contains("?") ? "&" : "?";
        PostgresUrl url = new PostgresUrl(serverUrl.jdbcUrl() + separator + "currentSchema=" + schema,
                serverUrl.user(), serverUrl.password());
        this.config = StoreConfig.sqlite(dataDirectory).withDatabase(url).withPoolSize(4);
    }

    /** Creates a fresh schema; {@code dataDirectory} is only there because every config has one. */
    public static PostgresTestDatabase create(Path dataDirectory) {
        PostgresUrl url = server();
        String schema = "qd_test_" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        execute(url, "CREATE SCHEMA " + schema);
        return new PostgresTestDatabase(url, schema, dataDirectory);
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static synchronized PostgresUrl server() {
        if (server == null) {
            String env = System.getenv(ENV);
            server = env != null && !env.isBlank() ? PostgresUrl.parse(env) : startEmbedded();
        }
        return server;
    }

    private static PostgresUrl startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // The JVM is exiting; the temporary cluster directory is all that is left behind.
                }
            }));
            return new PostgresUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL (set " + ENV
                    + " to use a running server; initdb refuses to run as root)", e);
        }
    }

    private static void execute(PostgresUrl url, String sql) {
        Properties properties = new Properties();
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        if (!url.password().isEmpty()) {
            properties.setProperty("password", url.password());
        }
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database " + url + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
