package com.quantdesk.store.journal;

import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;

/** The journal contract on SQLite, a fresh file per test. */
class SqliteJournalTest extends JournalContract {

    @Override
    TestDatabase newDatabase(Path dataDirectory) {
        return TestDatabase.sqlite(dataDirectory);
    }
}
