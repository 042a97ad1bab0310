package com.quantdesk.server.db;

import com.quantdesk.store.PostgresTestDatabase;
import com.quantdesk.store.Store;
import com.quantdesk.store.Stores;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A store on each database the server runs on, for tests parameterised by
 * {@code @MethodSource("com.quantdesk.server.db.TestStores#databases")}; one per test, closed after it.
 */
public final class TestStores implements AutoCloseable {

    private TestDatabase database;
    private Store store;

    /** SQLite and PostgreSQL, each as (name, how to make one in a directory). */
    public static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("SQLite", (Function<Path, TestDatabase>) TestDatabase::sqlite),
                Arguments.of("PostgreSQL", (Function<Path, TestDatabase>) PostgresTestDatabase::create));
    }

    /** A new database in {@code directory}, migrated, and the store on it. */
    public Store open(Function<Path, TestDatabase> newDatabase, Path directory) {
        database = newDatabase.apply(directory);
        store = Stores.open(database.config());
        return store;
    }

    /** The store {@link #open} made. */
    public Store store() {
        return store;
    }

    /** The store's database, as the server's queries use it. */
    public Sql sql() {
        return new Sql(store.dataSource());
    }

    /** Closes the store, then drops the database. */
    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
