package com.quantdesk.store;

import java.nio.file.Path;

/** A fresh, empty database for one test, dropped again by {@link #close()}. */
public interface TestDatabase extends AutoCloseable {

    /** A configuration that opens this database. */
    StoreConfig config();

    /** Which database it is. */
    default Dialect dialect() {
        return config().dialect();
    }

    @Override
    void close();

    /** SQLite in {@code directory} (a JUnit temp dir, deleted by JUnit). */
    static TestDatabase sqlite(Path directory) {
        StoreConfig config = StoreConfig.sqlite(directory).withPoolSize(4);
        return new TestDatabase() {
            @Override
            public StoreConfig config() {
                return config;
            }

            @Override
            public void close() {
            }
        };
    }
}
