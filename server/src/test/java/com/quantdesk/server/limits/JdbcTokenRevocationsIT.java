package com.quantdesk.server.limits;

import com.quantdesk.store.FlakyDataSource;
import com.quantdesk.server.db.TestStores;
import com.quantdesk.store.Store;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcTokenRevocationsIT {

    private static final Instant NINE = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir
    Path directory;

    private final AtomicReference<Instant> now = new AtomicReference<>(NINE);
    private final InstantSource clock = now::get;
    private final TestStores stores = new TestStores();

    private JdbcTokenRevocations open(Function<Path, TestDatabase> newDatabase) {
        Store store = stores.open(newDatabase, directory);
        return new JdbcTokenRevocations(store.dataSource(), clock);
    }

    @AfterEach
    void closeDatabase() {
        stores.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void revokesATokenUntilItExpires(String name, Function<Path, TestDatabase> newDatabase) {
        JdbcTokenRevocations revocations = open(newDatabase);

        revocations.revoke("jti-1", NINE.plus(Duration.ofMinutes(15)));

        assertThat(revocations.isRevoked("jti-1")).isTrue();
        assertThat(revocations.isRevoked("jti-2")).isFalse();
        now.set(NINE.plus(Duration.ofMinutes(15)).minusMillis(1));
        assertThat(revocations.isRevoked("jti-1")).isTrue();
        now.set(NINE.plus(Duration.ofMinutes(15)));
        assertThat(revocations.isRevoked("jti-1")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void doesNotRecordATokenThatHasAlreadyExpired(String name, Function<Path, TestDatabase> newDatabase)
            throws SQLException {
        JdbcTokenRevocations revocations = open(newDatabase);

        revocations.revoke("jti-1", NINE);

        assertThat(revocations.isRevoked("jti-1")).isFalse();
        assertThat(rows()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void seesEarlierUnexpiredRevocationsWhenMade(String name, Function<Path, TestDatabase> newDatabase) {
        JdbcTokenRevocations first = open(newDatabase);
        first.revoke("jti-1", NINE.plus(Duration.ofMinutes(15)));
        first.revoke("jti-2", NINE.plus(Duration.ofMinutes(5)));
        now.set(NINE.plus(Duration.ofMinutes(10)));

        JdbcTokenRevocations second = new JdbcTokenRevocations(stores.store().dataSource(), clock);

        assertThat(second.isRevoked("jti-1")).isTrue();
        assertThat(second.isRevoked("jti-2")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void keepsTheLaterExpiryWhenATokenIsRevokedTwice(String name, Function<Path, TestDatabase> newDatabase)
            throws SQLException {
        JdbcTokenRevocations revocations = open(newDatabase);

        revocations.revoke("jti-1", NINE.plus(Duration.ofMinutes(15)));
        revocations.revoke("jti-1", NINE.plus(Duration.ofMinutes(5)));

        assertThat(rows()).containsExactly(Map.entry("jti-1", NINE.plus(Duration.ofMinutes(15)).toEpochMilli()));
        now.set(NINE.plus(Duration.ofMinutes(10)));
        assertThat(revocations.isRevoked("jti-1")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void purgesOnlyExpiredRevocations(String name, Function<Path, TestDatabase> newDatabase) throws SQLException {
        JdbcTokenRevocations revocations = open(newDatabase);
        revocations.revoke("jti-1", NINE.plus(Duration.ofMinutes(5)));
        revocations.revoke("jti-2", NINE.plus(Duration.ofMinutes(15)));

        int purged = revocations.purgeExpired(NINE.plus(Duration.ofMinutes(5)));

        assertThat(purged).isEqualTo(1);
        assertThat(rows()).containsExactly(Map.entry("jti-2", NINE.plus(Duration.ofMinutes(15)).toEpochMilli()));
        assertThat(revocations.isRevoked("jti-2")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void holdsARevocationInMemoryWhenTheDatabaseCannotRecordIt(String name, Function<Path, TestDatabase> newDatabase) {
        open(newDatabase);
        FlakyDataSource flaky = new FlakyDataSource(stores.store().dataSource());
        JdbcTokenRevocations revocations = new JdbcTokenRevocations(flaky, clock);
        assertThat(revocations.healthy()).isTrue();
        flaky.goDown();

        assertThatThrownBy(() -> revocations.revoke("jti-1", NINE.plus(Duration.ofMinutes(15))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot record a token's revocation: ");
        assertThat(revocations.isRevoked("jti-1")).isTrue();
        assertThat(revocations.healthy()).isFalse();
    }

    private Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = stores.store().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT jti, expires_at FROM revoked_tokens ORDER BY jti")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        }
        return rows;
    }
}
