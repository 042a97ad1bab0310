package com.quantdesk.store.journal;

import com.quantdesk.store.PostgresTestDatabase;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;

/** The journal contract on PostgreSQL, a fresh schema per test. */
class PostgresJournalIT extends JournalContract {

    @Override
    TestDatabase newDatabase(Path dataDirectory) {
        return PostgresTestDatabase.create(dataDirectory);
    }
}
