package com.quantdesk.app.paper;

import com.quantdesk.store.PostgresTestDatabase;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;

class PostgresPaperRuntimeTest extends PaperRuntimeContract {

    @Override
    TestDatabase open(Path directory) {
        return PostgresTestDatabase.create(directory);
    }
}
