package com.quantdesk.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on SQLite, a fresh file per test. */
class SqliteJournalTest extends JournalContract {

    @Override
    TestDatabase newDatabase(Path dataDirectory) {
        return TestDatabase.sqlite(dataDirectory);
    }

    @Test
    void keepsOneFileInTheDataDirectoryInWalModeSyncedOnEveryCommit(@TempDir Path parent) throws Exception {
        Path dataDirectory = parent.resolve("data");
        try (Store store = Stores.open(StoreConfig.sqlite(dataDirectory));
             Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(dataDirectory.resolve("quantdesk.db")).isRegularFile();
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "synchronous")).isEqualTo("2");
            assertThat(pragma(statement, "busy_timeout")).isEqualTo("5000");
        }
    }

    private static String pragma(Statement statement, String name) throws Exception {
        try (ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
