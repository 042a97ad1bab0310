package com.quantdesk.app;

import com.quantdesk.app.live.KiteSessionStore;
import com.quantdesk.app.live.KiteSettings;
import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.app.paper.PaperConfigLoader;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Where an account's Kite login is kept: the configuration (its {@code kite:} section and data
 * directory or database), overridable as in {@code quantdesk paper}. Mixed into the Kite commands
 * that work with a stored login.
 */
final class KiteAccountOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration (kite: section, data directory); default ./quantdesk.yaml if present.")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory of the embedded database.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL URL; default the configuration's, else "
            + "$DATABASE_URL, else SQLite in the data directory.")
    String database;

    /** The configuration file, if any. */
    Path file() {
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new UsageException("--config: no file " + configFile);
            }
            return configFile;
        }
        Path here = Path.of(PaperCommand.DEFAULT_CONFIG);
        return Files.isRegularFile(here) ? here : null;
    }

    /** The Kite settings of the configuration and environment. */
    KiteSettings settings(Function<String, String> env) {
        try {
            return KiteSettings.load(file(), new EnvironmentMap(env));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Opens the store the account's login lives in (migrations run). */
    Store openStore(Function<String, String> env) {
        Path file = file();
        PaperConfig config;
        try {
            config = file == null ? PaperConfigLoader.demo(Path.of("quantdesk-data")) : PaperConfigLoader.load(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Path directory = dataDir != null ? dataDir : config.dataDirectory();
        try {
            Files.createDirectories(directory);
            return Stores.open(StoreConfig.resolve(directory, database != null ? database
                    : config.databaseUrl().orElse(null), new EnvironmentMap(env)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--db: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new UsageException("--data-dir: cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The store of sealed logins over {@code store}. */
    static KiteSessionStore sessions(Store store, Function<String, String> env) {
        try {
            return KiteSessionStore.open(store.dataSource(), new EnvironmentMap(env), InstantSource.system());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The account id, or a usage error naming --account. */
    static AccountId account(String text) {
        try {
            return new AccountId(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--account: " + e.getMessage(), e);
        }
    }
}
