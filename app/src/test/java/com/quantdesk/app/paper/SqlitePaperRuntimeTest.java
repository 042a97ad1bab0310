package com.quantdesk.app.paper;

import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;

class SqlitePaperRuntimeTest extends PaperRuntimeContract {

    @Override
    TestDatabase open(Path directory) {
        return TestDatabase.sqlite(directory);
    }
}
