package com.quantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

    private static final Path DATA = Path.of("/var/lib/quantdesk");

    @Test
    void usesSqliteInTheDataDirectoryWhenNoDatabaseIsGiven() {
        StoreConfig config = StoreConfig.resolve(DATA, null, Map.of());

        assertThat(config.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(config.database()).isEmpty();
        assertThat(config.sqliteFile()).isEqualTo(Path.of("/var/lib/quantdesk/quantdesk.db"));
    }

    @Test
    void prefersTheDbOptionOverTheEnvironment() {
        StoreConfig config = StoreConfig.resolve(DATA, "postgresql://cli@db1/qd",
                Map.of("DATABASE_URL", "postgresql://env@db2/qd"));

        assertThat(config.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(config.database()).contains(new PostgresUrl("jdbc:postgresql://db1:5432/qd", "cli", ""));
    }

    @Test
    void fallsBackToDatabaseUrlFromTheEnvironment() {
        StoreConfig config = StoreConfig.resolve(DATA, " ", Map.of("DATABASE_URL", "postgres://u:p@db2:6432/qd"));

        assertThat(config.database()).contains(new PostgresUrl("jdbc:postgresql://db2:6432/qd", "u", "p"));
    }

    @Test
    void parsesUserPasswordHostPortDatabaseAndParameters() {
        PostgresUrl url = PostgresUrl.parse("postgresql://trader:s%40cret%3A1+2@10.0.0.5:5433/quantdesk?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5433/quantdesk?sslmode=require");
        assertThat(url.user()).isEqualTo("trader");
        assertThat(url.password()).isEqualTo("s@cret:1+2");
    }

    @Test
    void takesAJdbcUrlAsItIs() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db/qd?user=a&password=b");

        assertThat(url).isEqualTo(new PostgresUrl("jdbc:postgresql://db/qd?user=a&password=b", "", ""));
    }

    @Test
    void neverShowsThePassword() {
        assertThat(PostgresUrl.parse("postgresql://trader:hunter2@db/qd").toString())
                .isEqualTo("PostgresUrl[jdbc:postgresql://db:5432/qd, user=trader, password=***]")
                .doesNotContain("hunter2");
        assertThat(PostgresUrl.parse("jdbc:postgresql://db/qd?user=a&password=hunter2").toString())
                .doesNotContain("hunter2");
        assertThat(StoreConfig.resolve(DATA, "postgresql://t:hunter2@db/qd", Map.of()).toString())
                .doesNotContain("hunter2");
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://t:hunter2@db/qd"))
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("use postgresql://user:password@host:5432/database");
    }

    @Test
    void refusesAUrlWithoutADatabaseName() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:p@db:5432/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a host and a database name")
                .hasMessageNotContaining(":p@");
    }

    @Test
    void needsRoomForTheWriterAndOneReader() {
        assertThatThrownBy(() -> StoreConfig.sqlite(DATA).withPoolSize(1))
                .hasMessage("poolSize must be at least 2, was 1");
        assertThat(StoreConfig.sqlite(DATA).withPoolSize(2).database()).isEqualTo(Optional.empty());
    }
}
