package com.quantdesk.app.config;

import com.quantdesk.app.paper.DidYouMean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting of a trading process ({@code paper}, {@code live}) and where it may come from: a flag,
 * an environment variable, a key of the configuration file, else its default. A flag wins over the
 * environment, the environment over the file ({@code database} alone is the other way round: the file's
 * database, else {@code DATABASE_URL}). Secrets are read from the environment only, each also as
 * {@code NAME_FILE}, and are never shown.
 */
public final class QuantdeskSettings {

    /** Prefix of the environment variables Quantdesk owns. */
    public static final String PREFIX = "QD_";

    /** Where a setting's effective value came from. */
    public enum Source {
        /** A command-line flag. */
        FLAG,
        /** An environment variable (or, for a secret, the file its {@code _FILE} variable names). */
        ENVIRONMENT,
        /** The configuration file. */
        FILE,
        /** Nothing set it. */
        DEFAULT
    }

    /**
     * One setting.
     *
     * @param key          its name, as {@code config check} prints it and the configuration file spells it
     *                     where the file has it
     * @param flag         the command-line flag, or null
     * @param variable     the environment variable, or null
     * @param inFile       whether the configuration file may set it (under {@code key})
     * @param defaultValue what applies when nothing sets it, in words
     * @param secret       whether the value is a secret: environment only, never shown
     */
    public record Setting(String key, String flag, String variable, boolean inFile, String defaultValue,
                          boolean secret) {

        /** The file variable of a secret: {@code variable + "_FILE"}. */
        public Optional<String> fileVariable() {
            return secret ? Optional.of(variable + "_FILE") : Optional.empty();
        }
    }

    /**
     * A setting's effective value and where it came from.
     *
     * @param setting the setting
     * @param value   its value as the process uses it, or null when nothing sets it and it has no value
     * @param source  where the value came from
     * @param origin  that place by name: {@code flag --port}, {@code env QD_PORT}, {@code file desk.yaml}
     */
    public record Effective(Setting setting, String value, Source source, String origin) {

        /** {@code key = value  (origin)}, a secret shown only as set or not. */
        public String line() {
            return setting.key() + " = " + shown(setting, value) + "  (" + origin + ")";
        }
    }

    /** Every setting, in the order {@code config check} prints them. */
    public static final List<Setting> ALL = List.of(
            flag("config", "--config", "QD_CONFIG", "./quantdesk.yaml if present, else the demo"),
            new Setting("dataDir", "--data-dir", "QD_DATA_DIR", true, "quantdesk-data", false),
            new Setting("database", "--db", "DATABASE_URL", true, "SQLite in the data directory", true),
            flag("dbPool", "--db-pool", "QD_DB_POOL", "8"),
            flag("speed", "--speed", null, "1"),
            flag("duration", "--duration", null, "until stopped"),
            flag("statusEvery", "--status-every", "QD_STATUS_EVERY", "10s"),
            flag("shutdownTimeout", "--shutdown-timeout", "QD_SHUTDOWN_TIMEOUT", "30s"),
            flag("api.enabled", "--no-api", "QD_NO_API", "on (--no-api turns it off)"),
            flag("api.port", "--port", "QD_PORT", "8080"),
            flag("api.bind", "--bind", "QD_BIND", "127.0.0.1"),
            flag("api.tlsKeyStore", "--tls-keystore", "QD_TLS_KEYSTORE", "none: plain HTTP"),
            secret("api.tlsPassword", "QD_TLS_PASSWORD", "empty"),
            flag("api.trustedProxies", "--trusted-proxy", null, "none"),
            flag("api.corsOrigins", "--cors-origin", null, "none"),
            flag("api.rateLimits", "--rate-limit", null, "perIp 100/min, perUser 1000/hour, perAdmin 5000/hour, "
                    + "login 5/min, failedLogin 20/hour, orders 10/s"),
            new Setting("api.redis", "--redis", "REDIS_URL", false, "none", true),
            secret("api.adminPassword", "QD_ADMIN_PASSWORD", "generated on the first start and shown once"),
            secret("api.serverKey", "QD_SERVER_KEY", "server.key in the data directory"),
            secret("api.jwtKey", "QD_JWT_KEY", "jwt-signing-key.json in the data directory"),
            secret("journal.key", "QD_JOURNAL_KEY", "journal.key in the data directory"),
            flag("backup.every", "--backup-every", "QD_BACKUP_EVERY", "none: no scheduled backups"),
            flag("backup.to", "--backup-to", "QD_BACKUP_TO", "none"),
            flag("backup.keep", "--backup-keep", "QD_BACKUP_KEEP", "7,4,12"),
            flag("backup.restoreTestEvery", "--restore-test-every", "QD_RESTORE_TEST_EVERY", "7d"),
            secret("backup.key", "QD_BACKUP_KEY", "none"),
            file("feed.mode", "demo"),
            file("feed.interval", "500ms"),
            file("feed.seed", "42"),
            file("feed.symbols", "RELIANCE, INFY, HDFCBANK, TCS, ICICIBANK"),
            file("feed.holidays", "none"),
            file("feed.warmUp", "1h"),
            file("venue.ackLatency", "20ms"),
            file("venue.fillLatency", "20ms"),
            file("venue.slippageBps", "0"),
            file("venue.volumeParticipation", "0.1"),
            file("accounts", "required"),
            file("bots", "none"),
            new Setting("kite.apiUrl", null, "KITE_API_URL", true, "https://api.kite.trade", false),
            new Setting("kite.tickerUrl", null, "KITE_TICKER_URL", true, "wss://ws.kite.trade", false),
            new Setting("kite.loginUrl", null, "KITE_LOGIN_URL", true, "https://kite.zerodha.com/connect/login",
                    false),
            new Setting("kite.apiKey", null, "KITE_API_KEY", true, "none", false),
            new Setting("kite.algoId", null, "KITE_ALGO_ID", true, "none", false),
            file("kite.marketProtection", "-1 (automatic)"),
            file("kite.reconcileEvery", "30s"),
            secret("kite.apiSecret", "KITE_API_SECRET", "none"),
            secret("kite.accessToken", "KITE_ACCESS_TOKEN", "none (kite check without --account)"),
            secret("kite.sessionKey", "DATA_ENCRYPTION_KEY", "none (live trading and kite login need it)"));

    /**
     * {@code QD_} variables read by something other than the trading process's settings: logging, and
     * the test and benchmark harnesses. They are known, so they are not reported as mistakes.
     */
    public static final Set<String> OTHER_VARIABLES = Set.of("QD_LOG_FORMAT", "QD_LOG_LEVEL", "QD_LOG_DIR",
            "QD_LOG_MAX_FILE_SIZE", "QD_LOG_MAX_HISTORY", "QD_LOG_TOTAL_SIZE_CAP", "QD_TEST_DATABASE_URL",
            "QD_TEST_REDIS_URL", "QD_BENCH_DATABASE_URL", "QD_CHROMIUM", "QD_CHROMEDRIVER", "QD_KITE_SEED");

    private QuantdeskSettings() {
    }

    /** The setting named {@code key}. */
    public static Setting named(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }

    /** The setting of {@code flag}, if it has one. */
    public static Optional<Setting> ofFlag(String flag) {
        return ALL.stream().filter(s -> flag.equals(s.flag())).findFirst();
    }

    /** Every environment variable a setting reads, with the {@code _FILE} variables of secrets. */
    public static Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (Setting s : ALL) {
            if (s.variable() != null) {
                names.add(s.variable());
            }
            s.fileVariable().ifPresent(names::add);
        }
        return names;
    }

    /**
     * One line for each {@code QD_} variable in {@code environment} that nothing reads, naming the
     * variable it was most likely meant to be.
     */
    public static List<String> unknownVariables(Collection<String> environment) {
        Set<String> known = new TreeSet<>(OTHER_VARIABLES);
        variables().stream().filter(v -> v.startsWith(PREFIX)).forEach(known::add);
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(environment)) {
            if (name.startsWith(PREFIX) && !known.contains(name)) {
                unknown.add(name + ": not a Quantdesk variable, ignored" + DidYouMean.hint(name, known));
            }
        }
        return unknown;
    }

    /** How {@code config check} shows a value: a secret only as set or not, never any part of it. */
    public static String shown(Setting setting, String value) {
        if (value == null || value.isEmpty()) {
            return "(not set)";
        }
        return setting.secret() ? "****" : value;
    }

    private static Setting flag(String key, String flag, String variable, String defaultValue) {
        return new Setting(key, flag, variable, false, defaultValue, false);
    }

    private static Setting secret(String key, String variable, String defaultValue) {
        return new Setting(key, null, variable, false, defaultValue, true);
    }

    private static Setting file(String key, String defaultValue) {
        return new Setting(key, null, null, true, defaultValue, false);
    }
}
