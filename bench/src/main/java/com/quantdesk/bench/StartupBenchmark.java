package com.quantdesk.bench;

import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.store.PostgresUrl;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Startup to accepting orders with a long journal (target: under 3 s with 100,000 events).
 *
 * <p>First, once, it fills a journal: a {@link StartupNode} (engine, durable gateway, journal on
 * SQLite, or on PostgreSQL when {@code QD_BENCH_DATABASE_URL} is set) trades random market and
 * limit orders for three accounts in eight symbols against a {@link FillingVenue} until the journal
 * holds at least {@code --events} events (each order: submitted, accepted, then one or two fills
 * with their position changes).
 *
 * <p>Then, {@code --runs} times, it starts a new JVM (the same {@code java}, class path and
 * {@code --child-opts}) that does what a restarting node does, timing each step:
 * <ol>
 *   <li>open: {@link Stores#open}: connection pool, Flyway's check of the schema, the journal's tail;</li>
 *   <li>replay: a new engine with its accounts, every journaled event read, decoded and recovered;</li>
 *   <li>start: the engine connected to the journal and gateway, started, its loop thread running;</li>
 *   <li>first order: a new {@code SubmitOrder} through the loop until its result says accepted.</li>
 * </ol>
 * Their sum, open to accepted, is the figure the target is about. It also reports the JVM's own start
 * (launch to {@code main}, from {@link System#nanoTime()}, which on Linux is one clock for all
 * processes), launch to accepted, and how much later the order was durable and reached the venue.
 * Every child reuses the same database, so each run replays the previous runs' few events too.
 *
 * <pre>
 * bench/run.sh startup [--runs 10] [--events 100000] [--data DIR] [--keep] [--child-opts "-Xmx512m ..."]
 * java -cp bench/target/benchmarks.jar com.quantdesk.bench.StartupBenchmark [the same options]
 * </pre>
 */
public final class StartupBenchmark {

    /** Environment variable selecting PostgreSQL ({@code postgresql://user:password@host:5432/db}). */
    public static final String DATABASE_URL_ENV = "QD_BENCH_DATABASE_URL";
    /** The PostgreSQL schema the benchmark's tables live in. */
    static final String SCHEMA = "qd_bench_startup";
    private static final String MEASURE = "--measure";
    private static final String RESULT = "startup-result";

    private StartupBenchmark() {
    }

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.measure) {
            try {
                measure(options.data);
            } catch (Exception | Error e) {
                e.printStackTrace(System.out);
                System.exit(1);
            }
            System.exit(0); // the engine loop's thread is stopped, but do not wait on any other
        }
        run(options);
    }

    // ---------------------------------------------------------------- the harness

    private static void run(Options options) throws Exception {
        boolean temporary = options.data == null;
        Path data = temporary ? Files.createTempDirectory("qd-startup-") : options.data;
        StoreConfig config = config(data);
        PostgresUrl server = postgresServer();
        System.out.printf("machine: %s, %d cores; %s %s; load %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version(),
                load());
        System.out.println("database: " + (server == null ? "SQLite " + config.sqliteFile()
                : "PostgreSQL " + server + ", schema " + SCHEMA));
        try {
            if (server != null) {
                execute(server, "CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            }
            long start = System.nanoTime();
            long last = build(config, options.events);
            System.out.printf("journal: %,d events, %s (filled in %.1f s)%n", last, size(config),
                    (System.nanoTime() - start) / 1e9);
            if (options.runs > 0) {
                measureAll(options, data);
                System.out.printf("journal after the runs: %,d events, %s; load %s%n", count(config), size(config),
                        load());
            }
        } finally {
            if (!options.keep) {
                if (server != null) {
                    execute(server, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                }
                if (temporary) {
                    deleteTree(data);
                }
            } else {
                System.out.println("kept: " + (server == null ? data : "schema " + SCHEMA));
            }
        }
    }

    /** The store: SQLite in {@code data}, or the PostgreSQL of {@link #DATABASE_URL_ENV} in {@link #SCHEMA}. */
    static StoreConfig config(Path data) {
        StoreConfig config = StoreConfig.sqlite(data);
        PostgresUrl server = postgresServer();
        if (server == null) {
            return config;
        }
        String separator = server.jdbcUrl().contains("?") ? "&" : "?";
        return config.withDatabase(new PostgresUrl(server.jdbcUrl() + separator + "currentSchema=" + SCHEMA,
                server.user(), server.password()));
    }

    private static PostgresUrl postgresServer() {
        String url = System.getenv(DATABASE_URL_ENV);
        return url == null || url.isBlank() ? null : PostgresUrl.parse(url);
    }

    /**
     * Trades until the journal holds at least {@code events} events (an existing journal is topped
     * up), and returns the last event's sequence.
     */
    private static long build(StoreConfig config, long events) throws Exception {
        try (Store store = Stores.open(config)) {
            StartupNode node = StartupNode.recover(store);
            node.start();
            long last = node.quiesce();
            OrderFlow flow = new OrderFlow();
            long reported = last;
            while (last < events) {
                // Four to six events an order: overshoot by at most one order.
                int orders = (int) Math.clamp((events - last) / 6, 1, 1_000);
                List<CompletableFuture<CommandResult>> results = new ArrayList<>(orders);
                for (int i = 0; i < orders; i++) {
                    results.add(node.loop().submit(new SubmitOrder(flow.next())));
                }
                for (CompletableFuture<CommandResult> result : results) {
                    CommandResult answer = result.get(1, TimeUnit.MINUTES);
                    if (!answer.accepted()) {
                        throw new IllegalStateException("order refused while filling the journal: " + answer);
                    }
                }
                last = node.quiesce();
                if (last - reported >= events / 5) {
                    System.out.printf("  filling the journal: %,d events%n", last);
                    reported = last;
                }
            }
            node.stop();
            return last;
        }
    }

    private static void measureAll(Options options, Path data) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.childOpts);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupBenchmark.class.getName(),
                MEASURE, "--data", data.toString()));
        System.out.println("child: " + String.join(" ", command));
        System.out.println();
        String header = String.format("%4s %8s %8s %8s %8s %8s | %9s | %9s %8s %8s  %s", "run", "jvm", "open",
                "replay", "start", "order", "open→acc", "launch→acc", "→venue", "events", "load");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        List<double[]> rows = new ArrayList<>();
        for (int run = 1; run <= options.runs; run++) {
            double[] row = measureOnce(command);
            rows.add(row);
            System.out.printf("%4d %8.1f %8.1f %8.1f %8.1f %8.1f | %9.1f | %9.1f %8.1f %8.0f  %s%n", run, row[0],
                    row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], load());
        }
        System.out.println("-".repeat(header.length()));
        String[] names = {"min", "median", "max"};
        for (int which = 0; which < 3; which++) {
            double[] stat = new double[8];
            for (int column = 0; column < stat.length; column++) {
                int c = column;
                double[] values = rows.stream().mapToDouble(r -> r[c]).sorted().toArray();
                int n = values.length;
                stat[column] = which == 0 ? values[0] : which == 2 ? values[n - 1]
                        : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            }
            System.out.printf("%-6s %6.1f %8.1f %8.1f %8.1f %8.1f | %9.1f | %9.1f %8.1f%n", names[which], stat[0],
                    stat[1], stat[2], stat[3], stat[4], stat[5], stat[6], stat[7]);
        }
        System.out.println("(milliseconds; open→acc = open + replay + start + order)");
    }

    /**
     * One child JVM; returns milliseconds: jvm, open, replay, start, order, open→accepted,
     * launch→accepted, accepted→at venue, and the events replayed.
     */
    private static double[] measureOnce(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long launch = System.nanoTime();
        Process process = builder.start();
        Map<String, Long> result = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT + " ")) {
                    result = parse(line);
                } else {
                    other.add(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException("the measured JVM failed (exit " + exit + "):\n"
                    + String.join("\n", other));
        }
        long main = result.get("main");
        long open = result.get("open");
        long opened = result.get("opened");
        long replayed = result.get("replayed");
        long started = result.get("started");
        long accepted = result.get("accepted");
        long atVenue = result.get("venue");
        return new double[] {ms(main - launch), ms(opened - open), ms(replayed - opened), ms(started - replayed),
            ms(accepted - started), ms(accepted - open), ms(accepted - launch), ms(atVenue - accepted),
            result.get("events")};
    }

    private static Map<String, Long> parse(String line) {
        Map<String, Long> values = new HashMap<>();
        for (String part : line.substring(RESULT.length() + 1).split(" ")) {
            int eq = part.indexOf('=');
            values.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
        }
        return values;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ---------------------------------------------------------------- the measured JVM

    /** What a restart does, timed step by step; prints one result line for the harness. */
    private static void measure(Path data) throws Exception {
        long main = System.nanoTime();
        StoreConfig config = config(data);
        long open = System.nanoTime();
        Store store = Stores.open(config);
        long opened = System.nanoTime();
        StartupNode node = StartupNode.recover(store);
        long replayed = System.nanoTime();
        long journaled = store.journal().lastSequence();
        node.start();
        long started = System.nanoTime();
        CommandResult result = node.loop().submit(new SubmitOrder(OrderRequest.market(StartupNode.ACCOUNTS.getFirst(),
                BotId.NONE, StartupNode.SYMBOLS.getFirst(), Side.BUY, 1, Product.MIS))).get(1, TimeUnit.MINUTES);
        long accepted = System.nanoTime();
        node.venue().firstOrder().get(1, TimeUnit.MINUTES);
        long atVenue = System.nanoTime();
        if (!result.accepted()) {
            throw new IllegalStateException("the first order after the restart was refused: " + result);
        }
        if (node.replayed() != journaled) {
            throw new IllegalStateException("replayed " + node.replayed() + " events, the journal ends at "
                    + journaled);
        }
        System.out.println(RESULT + " main=" + main + " open=" + open + " opened=" + opened + " replayed=" + replayed
                + " started=" + started + " accepted=" + accepted + " venue=" + atVenue + " events="
                + node.replayed());
        System.out.flush();
        node.stop();
        store.close();
    }

    // ---------------------------------------------------------------- orders to fill the journal

    /**
     * Seeded random orders: one of three accounts, one of eight symbols, 1-100 shares; 70% market,
     * 30% limit near a random walk of the price; 20% CNC buys, the rest MIS either way.
     */
    private static final class OrderFlow {
        private final SplittableRandom random = new SplittableRandom(42);
        private final Map<Symbol, Long> prices = new HashMap<>();

        OrderRequest next() {
            AccountId account = StartupNode.ACCOUNTS.get(random.nextInt(StartupNode.ACCOUNTS.size()));
            Symbol symbol = StartupNode.SYMBOLS.get(random.nextInt(StartupNode.SYMBOLS.size()));
            long quantity = 1 + random.nextInt(100);
            boolean cnc = random.nextInt(5) == 0;
            Side side = cnc || random.nextBoolean() ? Side.BUY : Side.SELL;
            Product product = cnc ? Product.CNC : Product.MIS;
            if (random.nextInt(10) < 7) {
                return OrderRequest.market(account, BotId.NONE, symbol, side, quantity, product);
            }
            long price = prices.merge(symbol, FillingVenue.startPrice(symbol),
                    (old, ignored) -> Math.max(500, old + (random.nextInt(21) - 10) * 5L));
            return OrderRequest.limit(account, BotId.NONE, symbol, side, quantity, price, product);
        }
    }

    // ---------------------------------------------------------------- database and machine facts

    private static long count(StoreConfig config) throws SQLException {
        try (HikariDataSource pool = Stores.dataSource(config.withPoolSize(2));
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String size(StoreConfig config) throws SQLException, IOException {
        if (config.database().isEmpty()) {
            long bytes = 0;
            try (Stream<Path> files = Files.list(config.dataDirectory())) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(StoreConfig.SQLITE_FILE))
                        .toList()) {
                    bytes += Files.size(file);
                }
            }
            return String.format(Locale.ROOT, "%.1f MB on disk", bytes / 1e6);
        }
        try (HikariDataSource pool = Stores.dataSource(config.withPoolSize(2));
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = current_schema() AND c.relkind = 'r'""")) {
            rs.next();
            return String.format(Locale.ROOT, "%.1f MB in tables and indexes", rs.getLong(1) / 1e6);
        }
    }

    private static void execute(PostgresUrl url, String sql) throws SQLException {
        Properties properties = new Properties();
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        if (!url.password().isEmpty()) {
            properties.setProperty("password", url.password());
        }
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // ---------------------------------------------------------------- options

    private static final class Options {
        int runs = 10;
        long events = 100_000;
        Path data;
        boolean keep;
        boolean measure;
        List<String> childOpts = List.of();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--runs" -> options.runs = Integer.parseInt(value(args, ++i, arg));
                    case "--events" -> options.events = Long.parseLong(value(args, ++i, arg).replace("_", ""));
                    case "--data" -> options.data = Path.of(value(args, ++i, arg));
                    case "--keep" -> options.keep = true;
                    case "--child-opts" -> options.childOpts = Arrays.stream(value(args, ++i, arg).trim().split("\\s+"))
                            .filter(s -> !s.isEmpty()).toList();
                    case MEASURE -> options.measure = true;
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> {
                        System.err.println("unknown option " + arg + "\n" + USAGE);
                        System.exit(2);
                    }
                }
            }
            if (options.measure && options.data == null) {
                throw new IllegalArgumentException(MEASURE + " needs --data");
            }
            return options;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    private static final String USAGE = """
            usage: StartupBenchmark [--runs N] [--events N] [--data DIR] [--keep] [--child-opts "JVM OPTIONS"]
              --runs N        measured restarts, each in a new JVM (default 10; 0 only fills the journal)
              --events N      events the journal must hold before measuring (default 100000)
              --data DIR      SQLite data directory; a journal already there is reused and topped up
                              (default: a new temporary directory, deleted at the end)
              --keep          keep the temporary directory or PostgreSQL schema at the end
              --child-opts S  options for the measured JVMs, e.g. "-Xmx512m -XX:TieredStopAtLevel=1"
            PostgreSQL instead of SQLite: set QD_BENCH_DATABASE_URL=postgresql://user:password@host:5432/db;
            the tables go in schema qd_bench_startup (created if missing, reused, dropped at the end
            unless --keep).""";
}
