package com.quantdesk.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.kite.rest.KiteSession;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broker logins in the real store (SQLite on disk), sealed under DATA_ENCRYPTION_KEY. */
class KiteSessionStoreTest {

    private static final String KEY = "ab".repeat(32);
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-12-03T03:00:00Z"));

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aLoginIsStoredSealedAndReadBackAndANewLoginReplacesIt() throws Exception {
        try (Store store = Stores.open(StoreConfig.sqlite(dir).withPoolSize(2))) {
            KiteSessionStore sessions = KiteSessionStore.open(store.dataSource(), Map.of("DATA_ENCRYPTION_KEY", KEY),
                    CLOCK);
            AccountId main = new AccountId("main");
            KiteSession first = new KiteSession("tokenOne123", "AB1234", Instant.parse("2026-12-03T02:50:00Z"));
            KiteSession second = new KiteSession("tokenTwo456", "AB1234", Instant.parse("2026-12-04T02:50:00Z"));

            sessions.save(main, "key1", first);
            assertThat(sessions.load(main)).contains(new KiteSessionStore.Stored("key1", first));
            sessions.save(main, "key1", second);
            assertThat(sessions.load(main)).contains(new KiteSessionStore.Stored("key1", second));
            assertThat(sessions.load(new AccountId("other"))).isEmpty();

            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(sealed_token) FROM broker_sessions")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
                assertThat(r.getString(2)).startsWith("v1.").doesNotContain("tokenTwo456");
            }
        }
    }

    @Test
    void anotherKeyCannotOpenTheTokenAndSaysSo() {
        try (Store store = Stores.open(StoreConfig.sqlite(dir).withPoolSize(2))) {
            AccountId main = new AccountId("main");
            KiteSessionStore.open(store.dataSource(), Map.of("DATA_ENCRYPTION_KEY", KEY), CLOCK)
                    .save(main, "key1", new KiteSession("tokenOne123", "AB1234", Instant.EPOCH));
            KiteSessionStore other = KiteSessionStore.open(store.dataSource(),
                    Map.of("DATA_ENCRYPTION_KEY", "cd".repeat(32)), CLOCK);

            assertThatThrownBy(() -> other.load(main)).hasMessage("the stored Kite login of main cannot be opened with "
                    + "this DATA_ENCRYPTION_KEY (another key sealed it); log in again");
        }
    }

    @Test
    void aMissingOrMalformedKeyIsNamed() {
        assertThatThrownBy(() -> KiteSessionStore.key(Map.of())).hasMessageStartingWith("DATA_ENCRYPTION_KEY: not "
                + "set; broker tokens are stored sealed under it.");
        assertThatThrownBy(() -> KiteSessionStore.key(Map.of("DATA_ENCRYPTION_KEY", "abc")))
                .hasMessage("DATA_ENCRYPTION_KEY: must be 64 hex digits (32 bytes)");
    }
}
