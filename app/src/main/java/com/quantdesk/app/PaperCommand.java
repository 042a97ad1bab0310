package com.quantdesk.app;

import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.app.paper.PaperConfigLoader;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.app.paper.PaperStatus;
import com.quantdesk.app.paper.PaperTrading;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.auth.AccessTokens;
import com.quantdesk.server.auth.SecretBox;
import com.quantdesk.server.auth.Users;
import com.quantdesk.server.http.AddressRange;
import com.quantdesk.store.StoreConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk paper}: runs the bots of {@code quantdesk.yaml} against the simulated NSE. */
@Command(name = "paper", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = {"Paper-trade: run bots in real time against a simulated NSE, every event durable.",
                "Without --config, ./quantdesk.yaml is used if present, else a demo (three bots, market open at "
                        + "any hour).",
                "Stop with Ctrl-C; a restart continues where it stopped."})
class PaperCommand implements Callable<Integer> {

    static final String DEFAULT_CONFIG = "quantdesk.yaml";
    static final String VERSION = "0.1.0";
    private static final DateTimeFormatter IST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'IST'")
            .withZone(ZoneId.of("Asia/Kolkata"));

    /** Where the environment is read from; tests replace it. */
    static java.util.function.Function<String, String> env = SecretEnvironment.process();
    /** The names of the variables in the environment (to report mistyped ones); tests replace it. */
    static java.util.function.Supplier<java.util.Collection<String>> variableNames = () -> System.getenv().keySet();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Bots, accounts, feed and venue (YAML).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded database lives; overrides dataDir of the configuration.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL URL (postgresql://user:pass@host:5432/db); default: the configuration's "
                    + "database, else $DATABASE_URL, else SQLite in the data directory.")
    String database;

    @Option(names = "--db-pool", paramLabel = "N", defaultValue = "8",
            description = "Most database connections held open (at least 2). Default: ${DEFAULT-VALUE}.")
    int poolSize;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Paper seconds per real second (1 = real time). Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop after this long (real time), e.g. 90s or 2m; default: until Ctrl-C.")
    String duration;

    @Option(names = "--status-every", paramLabel = "DURATION", defaultValue = "10s",
            description = "How often to print the status line (real time). Default: ${DEFAULT-VALUE}.")
    String statusEvery;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the HTTP API and stream (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the API listens on. Anything but loopback needs --tls-keystore or "
                    + "--trusted-proxy. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS (TLS 1.2+) with this PKCS12 key store; its password in $QD_TLS_PASSWORD.")
    Path tlsKeyStore;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR",
            description = "A TLS-terminating proxy in front (repeatable): its X-Forwarded-For/-Proto are believed.")
    java.util.List<String> trustedProxies = new java.util.ArrayList<>();

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "A browser origin allowed to call the API (repeatable), e.g. https://desk.example.com.")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis for shared rate limits and token revocation (default: $REDIS_URL, else none).")
    String redis;

    @Option(names = "--rate-limit", paramLabel = "NAME=N/PERIOD",
            description = "Change a rate limit (repeatable): perIp (default 100/min), perUser (1000/hour), "
                    + "perAdmin (5000/hour), login (5/min), failedLogin (20/hour), orders (10/s per account).")
    java.util.List<String> rateLimits = new java.util.ArrayList<>();

    @Option(names = "--no-api", description = "Run without the HTTP API.")
    boolean noApi;

    @Option(names = "--backup-every", paramLabel = "DURATION",
            description = "Take an encrypted backup this often (e.g. 1h) into --backup-to, sealed with $QD_BACKUP_KEY; "
                    + "older ones are pruned by --backup-keep.")
    String backupEvery;

    @Option(names = "--restore-test-every", paramLabel = "DURATION", defaultValue = "7d",
            description = "Restore-test a fresh backup this often (restored into scratch space, its journal verified and "
                    + "replayed); default ${DEFAULT-VALUE}.")
    String restoreTestEvery;

    @Option(names = "--backup-to", paramLabel = "DIR",
            description = "Where scheduled backups go (another disk or machine than the data directory).")
    Path backupTo;

    @Option(names = "--backup-keep", paramLabel = "D,W,M", defaultValue = "7,4,12",
            description = "Scheduled backups kept: the newest of each of D days, W weeks and M months. "
                    + "Default: ${DEFAULT-VALUE}.")
    String backupKeep;

    @Option(names = "--shutdown-timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "On SIGTERM or Ctrl-C, the most the ordered stop may take (default: ${DEFAULT-VALUE}).")
    private String shutdownTimeout;

    @Option(names = "--state-every", paramLabel = "DURATION", hidden = true,
            description = "Write the running state to live-state.txt in the data directory this often.")
    String stateEvery;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        warnAboutUnknownVariables(spec.commandLine().getErr());
        PaperConfig config = prepare(loadConfig());
        Duration stopAfter = duration == null ? null : parseDuration(duration, "--duration");
        Duration shutdownBudget = parseDuration(shutdownTimeout, "--shutdown-timeout");
        if (shutdownBudget.isZero() || shutdownBudget.isNegative()) {
            throw new UsageException("--shutdown-timeout: must be positive, was " + shutdownTimeout);
        }
        Duration every = parseDuration(statusEvery, "--status-every");
        Duration statePeriod = stateEvery == null ? null : parseDuration(stateEvery, "--state-every");
        // The backup options are checked before anything starts, so a bad one (or a bad default) fails at once.
        parseDuration(restoreTestEvery, "--restore-test-every");
        BackupPlan backupPlan = backupPlan().orElse(null);
        Path directory = dataDirectory(config);
        StoreConfig storeConfig = storeConfig(config);
        ServerConfig serverConfig = noApi ? null : serverConfig(directory);
        PaperRuntime runtime;
        try {
            runtime = startRuntime(config, storeConfig, notice -> {
                out.println("! " + notice);
                out.flush();
            });
        } catch (IllegalArgumentException e) {
            stopped();
            throw new UsageException(e.getMessage(), e);
        } catch (RuntimeException e) {
            stopped();
            throw e;
        }
        if (statePeriod != null) {
            runtime.writeStateEvery(statePeriod);
        }
        ScheduledBackups backups = scheduledBackups(backupPlan, storeConfig, runtime, out);
        scheduled = backups;
        ApiServer api = null;
        if (serverConfig != null) {
            try {
                api = ApiServer.start(serverConfig, trading(runtime), new SyntheticBacktestData(),
                        config.strategies(), InstantSource.system(), VERSION,
                        env(Users.ADMIN_PASSWORD_ENV), env(SecretBox.ENV), env(AccessTokens.ENV));
            } catch (RuntimeException e) {
                runtime.close();
                stopped();
                throw new UsageException("the HTTP API cannot start: " + e.getMessage(), e);
            }
        }
        ApiServer server = api;
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            shutdown(server, backups, runtime, shutdownBudget).run();
            stopped.countDown();
        }, "paper-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printStart(out, heading(runtime), runtime, storeConfig);
        if (server != null) {
            String host = serverConfig.bind().equals("0.0.0.0") || serverConfig.bind().equals("::")
                    ? "127.0.0.1" : serverConfig.bind();
            out.println("  api:      " + server.url(host) + "/api/v1  (API page " + server.url(host) + "/api/docs)");
            server.generatedAdminPassword().ifPresent(password -> out.println("  admin:    first start: user 'admin', "
                    + "password " + password + "  (shown once; sign in, change it and enrol TOTP)"));
            out.flush();
        }
        long deadline = stopAfter == null ? Long.MAX_VALUE : System.nanoTime() + stopAfter.toNanos();
        while (stopped.getCount() > 0 && System.nanoTime() < deadline) {
            long wait = Math.min(every.toNanos(), deadline - System.nanoTime());
            if (stopped.await(Math.max(wait, 0), TimeUnit.NANOSECONDS)) {
                break;
            }
            try {
                out.println(statusLine(runtime.status()));
                out.flush();
            } catch (IllegalStateException closing) {
                break;
            }
        }
        if (stopped.getCount() > 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
            shutdown(server, backups, runtime, shutdownBudget).run();
            out.println("stopped; working orders stay at the venue and are restored on the next start");
        }
        out.flush();
        return QuantdeskCommand.OK;
    }

    /** Says so on {@code err} for every {@code QD_} variable that nothing reads (a typo keeps its default). */
    static void warnAboutUnknownVariables(PrintWriter err) {
        for (String unknown : com.quantdesk.app.config.QuantdeskSettings.unknownVariables(variableNames.get())) {
            err.println("quantdesk: warning: " + unknown);
        }
        err.flush();
    }

    void checkPoolSize() {
        if (poolSize < 2) {
            throw new UsageException("--db-pool: must be at least 2 (the journal writer holds one), was " + poolSize);
        }
    }

    void checkSpeed() {
        if (!(speed >= 1) || !Double.isFinite(speed)) {
            throw new UsageException("--speed: must be a number of at least 1, was " + speed);
        }
    }

    /** Where the data lives: --data-dir, else the configuration's. */
    Path dataDirectory(PaperConfig config) {
        return dataDir != null ? dataDir : config.dataDirectory();
    }

    /** The store: --db, else the configuration's database, else DATABASE_URL, else SQLite in the data directory. */
    StoreConfig storeConfig(PaperConfig config) {
        StoreConfig storeConfig;
        try {
            storeConfig = StoreConfig.resolve(dataDirectory(config), database != null ? database
                    : config.databaseUrl().orElse(null), new EnvironmentMap(env));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--db: " + e.getMessage(), e);
        }
        checkPoolSize();
        return storeConfig.withPoolSize(poolSize);
    }

    /** The HTTP server's configuration from the options. */
    ServerConfig serverConfig(Path directory) {
        ServerConfig config = ServerConfig.defaults(directory);
        try {
            java.util.List<AddressRange> proxies = new java.util.ArrayList<>();
            for (String proxy : trustedProxies) {
                proxies.add(AddressRange.parse(proxy));
            }
            if (tlsKeyStore != null) {
                if (!Files.isRegularFile(tlsKeyStore)) {
                    throw new UsageException("--tls-keystore: no file " + tlsKeyStore);
                }
                config = config.withTls(new ServerConfig.Tls(tlsKeyStore, env("QD_TLS_PASSWORD").orElse("")));
            }
            ServerConfig.RateLimits limits = config.limits();
            for (String change : rateLimits) {
                int eq = change.indexOf('=');
                if (eq < 1) {
                    throw new UsageException("--rate-limit: '" + change + "' is not like perIp=1000/min");
                }
                try {
                    limits = limits.with(change.substring(0, eq).trim(), change.substring(eq + 1).trim());
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--rate-limit: " + e.getMessage(), e);
                }
            }
            config = config.withLimits(limits);
            String redisUrl = redis != null ? redis : env.apply("REDIS_URL");
            return config.withTrustedProxies(proxies).withCorsOrigins(corsOrigins)
                    .withRedis(redisUrl == null ? "" : redisUrl).withAddress(bind, port);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("server.bind", "--bind").replace("server.port", "--port")
                    .replace("server.corsOrigins", "--cors-origin"), e);
        }
    }

    static java.util.Optional<String> env(String name) {
        return java.util.Optional.ofNullable(env.apply(name)).filter(v -> !v.isBlank());
    }

    /** The configuration file: --config, else ./quantdesk.yaml if present, else none. */
    Path configFile() {
        if (configFile == null && Files.isRegularFile(Path.of(DEFAULT_CONFIG))) {
            return Path.of(DEFAULT_CONFIG);
        }
        return configFile;
    }

    PaperConfig loadConfig() {
        Path file = configFile();
        if (file == null) {
            return PaperConfigLoader.demo(Path.of("quantdesk-data"));
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--config: no file " + file);
        }
        try {
            return PaperConfigLoader.load(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    static Duration parseDuration(String text, String option) {
        try {
            return PaperConfigLoader.duration(text, option);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The running backup schedule, if any (for its gauges). */
    private ScheduledBackups scheduled;

    /** Registers the backup schedule's gauges, when there is one. */
    void backupGauges(io.micrometer.core.instrument.MeterRegistry registry) {
        if (scheduled != null) {
            scheduled.bindMetrics(registry);
        } else {
            ScheduledBackups.bindAbsent(registry);
        }
    }

    /**
     * What {@code --backup-every} and the options beside it ask for.
     *
     * @param period       how often a backup is taken
     * @param restoreTests how often a backup is restore-tested
     * @param retention    which backups are kept
     * @param key          the key backups are sealed with
     * @param directory    where backups go
     */
    record BackupPlan(Duration period, Duration restoreTests, com.quantdesk.store.backup.Retention retention,
                      com.quantdesk.store.backup.BackupKey key, Path directory) {
    }

    /** The backup options, checked (the key read, nothing written); empty without {@code --backup-every}. */
    java.util.Optional<BackupPlan> backupPlan() {
        if (backupEvery == null) {
            if (backupTo != null) {
                throw new UsageException("--backup-to: give --backup-every too");
            }
            return java.util.Optional.empty();
        }
        Duration period = parseDuration(backupEvery, "--backup-every");
        if (period.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new UsageException("--backup-every: at least 1m, was " + backupEvery);
        }
        if (backupTo == null) {
            throw new UsageException("--backup-to: where scheduled backups go (another disk than the data directory)");
        }
        com.quantdesk.store.backup.Retention retention;
        try {
            String[] counts = backupKeep.split(",");
            if (counts.length != 3) {
                throw new IllegalArgumentException("give three counts, days,weeks,months, e.g. 7,4,12");
            }
            retention = new com.quantdesk.store.backup.Retention(Integer.parseInt(counts[0].strip()),
                    Integer.parseInt(counts[1].strip()), Integer.parseInt(counts[2].strip()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--backup-keep: " + e.getMessage(), e);
        }
        com.quantdesk.store.backup.BackupKey key;
        try {
            key = com.quantdesk.store.backup.BackupKey.load(java.util.Optional.empty(),
                    java.util.Optional.ofNullable(env.apply(com.quantdesk.store.backup.BackupKey.ENV)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--backup-every: " + e.getMessage(), e);
        }
        Duration restoreTests = parseDuration(restoreTestEvery, "--restore-test-every");
        if (restoreTests.compareTo(period) < 0) {
            throw new UsageException("--restore-test-every: at least --backup-every (" + backupEvery + "), was "
                    + restoreTestEvery);
        }
        return java.util.Optional.of(new BackupPlan(period, restoreTests, retention, key, backupTo));
    }

    /** The schedule {@code plan} asks for, started; null without one. */
    private static ScheduledBackups scheduledBackups(BackupPlan plan, StoreConfig storeConfig, PaperRuntime runtime,
                                                     PrintWriter out) {
        if (plan == null) {
            return null;
        }
        return ScheduledBackups.start(storeConfig, runtime.store().journalKey(), plan.key(), plan.directory(),
                plan.retention(), plan.period(), plan.restoreTests(), notice -> {
                    out.println("! " + notice);
                    out.flush();
                });
    }

    // ---------------------------------------------------------------- what a live run changes

    /** The configuration to run, from the file's. */
    PaperConfig prepare(PaperConfig config) {
        return config;
    }

    /** Starts the process. */
    PaperRuntime startRuntime(PaperConfig config, StoreConfig storeConfig, java.util.function.Consumer<String> notices) {
        checkSpeed();
        return PaperRuntime.start(config, storeConfig, speed, notices);
    }

    /** The process as the HTTP server sees it. */
    com.quantdesk.server.TradingRuntime trading(PaperRuntime runtime) {
        return new PaperTrading(runtime, "paper", java.util.List.of(), this::backupGauges)
                .withPreflight(directory -> PreflightCommand.facts(this, directory, runtime.store().dataSource()));
    }

    /** The live accounts this command trades, for the preflight: none on paper. */
    java.util.List<com.quantdesk.server.preflight.PreflightSetup.LiveAccount> liveAccounts(
            javax.sql.DataSource data) {
        return java.util.List.of();
    }

    /** The first line printed on start. */
    String heading(PaperRuntime runtime) {
        return "Quantdesk paper trading (" + runtime.config().feed().mode().name().toLowerCase() + " market"
                + (runtime.config().feed().mode() == PaperConfig.FeedMode.DEMO ? ", open at any hour" : "") + ")";
    }

    /**
     * The ordered stop (SIGTERM, Ctrl-C or the end of {@code --duration}): take no more requests (the
     * readiness check answers 503 first), stop the backups, stop the feed and drain the engine's inbox,
     * flush and close the journal, then close the broker session.
     */
    private GracefulShutdown shutdown(ApiServer server, ScheduledBackups backups, PaperRuntime runtime,
                                      Duration budget) {
        GracefulShutdown shutdown = new GracefulShutdown(budget);
        if (server != null) {
            shutdown.then("stop the HTTP API", server::close);
        }
        if (backups != null) {
            shutdown.then("stop scheduled backups", backups::close);
        }
        return shutdown.then("stop the feed, drain the engine, flush and close the journal", runtime::close)
                .then("close the broker session", this::stopped);
    }

    /** Called once the process has stopped (or failed to start): release what {@link #startRuntime} opened. */
    void stopped() {
    }

    private static void printStart(PrintWriter out, String heading, PaperRuntime runtime, StoreConfig store) {
        out.println(heading);
        if (store.database().isPresent()) {
            out.println("  data:     PostgreSQL " + store.database().get());
        } else {
            out.println("  data:     " + store.sqliteFile().toAbsolutePath() + " (SQLite)");
        }
        PaperRuntime.Recovery r = runtime.recovery();
        out.println("  journal:  " + r.events() + " events recovered (hash chain verified); "
                + r.restoredAtVenue() + " working orders restored at the venue; " + r.cancelled()
                + " cancels asked before the stop honoured; " + r.notAcknowledged()
                + " unacknowledged orders marked rejected; ready in " + r.startupMillis() + " ms");
        if (r.projectionsRebuilt()) {
            out.println("  tables:   the query tables disagreed with the journal and were rebuilt from it");
        }
        if (r.warmUpBars() > 0) {
            out.println("  warm-up:  bots primed with " + r.warmUpBars() + " bars of the last "
                    + PaperConfigLoader.describe(runtime.config().feed().warmUp()) + " (no orders on them)");
        }
        for (PaperConfig.Bot bot : runtime.bots()) {
            out.println("  bot:      " + bot.id() + " " + bot.strategy() + " " + bot.symbols() + " "
                    + bot.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    static String statusLine(PaperStatus s) {
        StringJoiner line = new StringJoiner("  ");
        line.add(IST.format(s.time()));
        line.add("events " + s.journaled());
        line.add(s.journalHealthy() ? "db ok" : "DB DOWN: orders refused");
        line.add("feed " + s.feed() + " " + s.ticksAccepted() + " ticks"
                + (s.ticksDropped().isEmpty() ? "" : " (dropped " + s.ticksDropped() + ")"));
        line.add("open orders " + s.openOrders());
        for (PaperStatus.AccountFigures a : s.accounts()) {
            line.add(a.account() + " equity ₹" + Paise.format(a.equity()));
        }
        for (PaperStatus.BotStatus b : s.bots()) {
            StringJoiner positions = new StringJoiner(",");
            for (Map.Entry<Symbol, Long> p : b.figures().positions().entrySet()) {
                positions.add(p.getKey() + " " + p.getValue());
            }
            line.add(b.bot() + " " + b.state().name().toLowerCase() + " " + b.figures().fills() + " fills P&L ₹"
                    + Paise.format(b.figures().pnl()) + (positions.length() == 0 ? "" : " [" + positions + "]"));
        }
        return line.toString();
    }
}
