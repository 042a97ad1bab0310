package com.quantdesk.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.event.Event;
import com.quantdesk.store.PostgresTestDatabase;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.quantdesk.store.journal.JournalKey;
import com.quantdesk.store.journal.SampleEvents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pg_dump in the manifest's snapshot, verified in a scratch database, restored with pg_restore: a real server. */
class PostgresBackupIT {

    private static final BackupKey KEY = BackupKey.parse("5a".repeat(32), "test");
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-12-03T10:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aBackupOfPostgresRestoresItsJournalAfterTheDatabaseIsLost() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create(dir)) {
            StoreConfig config = database.config();
            Backups.Verified backup;
            List<String> before;
            JournalKey journalKey;
            try (Store store = Stores.open(config)) {
                journalKey = store.journalKey();
                List<Event> events = SampleEvents.orderFlow(1, 120);
                for (int i = 0; i < events.size(); i += 4) {
                    store.journal().appendStep(events.subList(i, i + 4));
                }
                store.journal().durable(events.size()).join();
                backup = Backups.create(config, journalKey, KEY, dir.resolve("backups"), CLOCK);
                before = dump(config, "SELECT sequence, hash FROM events ORDER BY sequence");
            }
            assertThat(backup.manifest().dialect()).isEqualTo("postgresql");
            assertThat(backup.manifest().lastSequence()).isEqualTo(120);

            // The database is lost: every table dropped.
            execute(config, "DROP TABLE events, fills, orders CASCADE");
            Backups.Verified verified = Backups.verify(backup.file(), KEY, journalKey, dir.resolve("scratch"));
            assertThat(Backups.verifyInScratch(verified, config.database().get(), journalKey)).containsExactly(120, 120);
            Backups.restore(verified, config, journalKey, true, CLOCK);

            assertThat(dump(config, "SELECT sequence, hash FROM events ORDER BY sequence")).isEqualTo(before);
            try (Store reopened = Stores.open(config)) {
                assertThat(reopened.journal().lastSequence()).isEqualTo(120);
            }
            assertThatThrownBy(() -> Backups.restore(verified, config, journalKey, false, CLOCK))
                    .hasMessageStartingWith("the target database already holds a journal");
        }
    }

    private static void execute(StoreConfig config, String sql) throws Exception {
        var url = config.database().get();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> dump(StoreConfig config, String sql) throws Exception {
        var url = config.database().get();
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getString(2));
            }
        }
        return rows;
    }
}
