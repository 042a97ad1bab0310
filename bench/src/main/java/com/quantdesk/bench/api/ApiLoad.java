package com.quantdesk.bench.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load harnesses of the HTTP API, each against a {@code quantdesk paper} process of its own started
 * from the application jar, over loopback:
 * <ul>
 *   <li>{@code stress}: N users, each with its own login, mixing reads with order placement;
 *       error rate, latency percentiles, and orders in the journal against 201 answers;</li>
 *   <li>{@code orders}: order placement at a fixed rate (open loop), latency percentiles;</li>
 *   <li>{@code wrk}: an authenticated {@code GET /api/v1/portfolio} next to {@code GET /health} under
 *       wrk at 100 connections.</li>
 * </ul>
 * Every run raises the rate limits it would otherwise trip and prints the ones it used.
 */
public final class ApiLoad {

    private ApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("""
                    usage: ApiLoad stress [--users 500] [--duration 120s] [--accounts 50] [--think 500ms] [--orders 0.15]
                           ApiLoad orders [--rate 200] [--duration 30s] [--warmup 10s] [--accounts 50]
                           ApiLoad wrk    [--connections 100] [--duration 30s] [--threads 2]
                    common: --jar app/target/quantdesk.jar --dir <work directory> [--db postgresql://...]
                            [--jvm "<options of the server's JVM>"]""");
            return;
        }
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path jar = Path.of(options.getOrDefault("jar", "app/target/quantdesk.jar"));
        Path dir = options.containsKey("dir") ? Path.of(options.get("dir"))
                : Files.createTempDirectory("quantdesk-api-load");
        String db = options.get("db");
        List<String> jvm = options.containsKey("jvm") ? List.of(options.get("jvm").trim().split("\\s+")) : List.of();
        System.out.println("server JVM options: " + (jvm.isEmpty() ? "(none)" : String.join(" ", jvm)));
        System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), Runtime.version());
        switch (args[0]) {
            case "stress" -> stress(jar, dir, db, jvm, integer(options, "users", 500), duration(options, "duration", "120s"),
                    integer(options, "accounts", 50), duration(options, "think", "500ms"),
                    Double.parseDouble(options.getOrDefault("orders", "0.15")));
            case "orders" -> orders(jar, dir, db, jvm, integer(options, "rate", 200), duration(options, "duration", "30s"),
                    duration(options, "warmup", "10s"), integer(options, "accounts", 50));
            case "wrk" -> Wrk.run(jar, dir, db, jvm, integer(options, "connections", 100),
                    duration(options, "duration", "30s"), integer(options, "threads", 2));
            default -> throw new IllegalArgumentException("unknown harness " + args[0]);
        }
    }

    /**
     * The API's rate limits as every harness raises them: all its clients come from 127.0.0.1, which
     * the per-address limit of 100 a minute would stop at once.
     */
    public static final List<String> RAISED = List.of("perIp=100000000/min", "perUser=100000000/hour",
            "perAdmin=100000000/hour", "login=100000/min", "failedLogin=100000/hour");

    // ------------------------------------------------------------------ stress

    private static void stress(Path jar, Path dir, String db, List<String> jvm, int users, Duration duration, int accounts,
                               Duration think, double orderShare) throws Exception {
        System.out.printf("stress: %d users on %d accounts for %s, think time 0..%d ms, %.0f%% of requests place "
                + "an order; rate limits raised: %s%n", users, accounts, duration, 2 * think.toMillis(),
                orderShare * 100, RAISED);
        Stats stats = new Stats();
        Set<Long> placed = ConcurrentHashMap.newKeySet();
        LongAdder created = new LongAdder();
        try (ApiProcess api = ApiProcess.start(jar, dir, accounts, RAISED, db, jvm)) {
            ApiClient client = new ApiClient(api.base());
            String admin = client.admin();
            long setup = System.nanoTime();
            String[] tokens = new String[users];
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                Semaphore hashing = new Semaphore(4); // bcrypt: a few at a time is all two cores take
                for (int u = 0; u < users; u++) {
                    int user = u;
                    pool.submit(() -> {
                        hashing.acquireUninterruptibly();
                        try {
                            String name = String.format("trader%04d", user);
                            client.createTrader(admin, name, ApiProcess.account(user % accounts));
                            tokens[user] = client.login(name);
                        } finally {
                            hashing.release();
                        }
                        return null;
                    });
                }
            }
            System.out.printf("set-up: %d users created and signed in (bcrypt cost 12 each way) in %d s%n", users,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - setup));
            long deadline = System.nanoTime() + duration.toNanos();
            AtomicLong keys = new AtomicLong();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int u = 0; u < users; u++) {
                    String token = tokens[u];
                    String account = ApiProcess.account(u % accounts);
                    pool.submit(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        Thread.sleep(random.nextLong(Math.max(1, think.toMillis() * 2)));
                        while (System.nanoTime() < deadline) {
                            double pick = random.nextDouble();
                            if (pick < orderShare) {
                                String symbol = List.of("RELIANCE", "INFY", "TCS", "HDFCBANK", "ICICIBANK")
                                        .get(random.nextInt(5));
                                ApiClient.Answer a = client.call("POST", "/api/v1/orders", token, Map.of("account",
                                        account, "symbol", symbol, "side", "BUY", "quantity", 1 + random.nextInt(5),
                                        "tag", "stress"), Map.of("Idempotency-Key", "stress-" + keys.incrementAndGet()));
                                stats.record("POST /orders", a);
                                if (a.status() == 422) {
                                    stats.count("denied " + a.json().path("reasonCode").asText());
                                }
                                if (a.status() == 201) {
                                    created.increment();
                                    placed.add(a.json().path("id").asLong());
                                }
                            } else {
                                String path = pick < orderShare + (1 - orderShare) * 0.4 ? "/api/v1/portfolio"
                                        : pick < orderShare + (1 - orderShare) * 0.7 ? "/api/v1/orders?limit=20"
                                        : pick < orderShare + (1 - orderShare) * 0.85 ? "/api/v1/positions"
                                        : "/api/v1/quotes";
                                stats.record("GET " + path.replaceAll("\\?.*", ""), client.call("GET", path, token,
                                        null, Map.of()));
                            }
                            Thread.sleep(random.nextLong(Math.max(1, think.toMillis() * 2)));
                        }
                        return null;
                    });
                }
            }
            stats.print(duration);
        }
        // The process is stopped: the journal is read straight from its database.
        if (db == null) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/quantdesk.db"));
                 Statement s = c.createStatement()) {
                long journaled = single(s, "SELECT COUNT(*) FROM events WHERE type = 'OrderSubmitted'");
                Set<Long> ids = new HashSet<>();
                try (ResultSet r = s.executeQuery("SELECT order_id FROM orders WHERE tag = 'stress'")) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                System.out.printf("orders: %d answered 201 (%d distinct ids); %d OrderSubmitted events in the journal; "
                        + "the orders table's stress orders are %s the 201 answers' ids%n", created.sum(),
                        placed.size(), journaled, ids.equals(placed) ? "exactly" : "NOT");
            }
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ------------------------------------------------------------------ orders at a fixed rate

    private static void orders(Path jar, Path dir, String db, List<String> jvm, int rate, Duration duration, Duration warmup,
                               int accounts) throws Exception {
        System.out.printf("orders: %d orders/s for %s after a %s warm-up, spread over %d accounts (%.1f/s each), "
                + "latency from each order's scheduled send time; rate limits raised: %s%n", rate, duration, warmup,
                accounts, (double) rate / accounts, RAISED);
        try (ApiProcess api = ApiProcess.start(jar, dir, accounts, RAISED, db, jvm)) {
            ApiClient client = new ApiClient(api.base());
            String admin = client.admin();
            String[] tokens = new String[accounts];
            for (int a = 0; a < accounts; a++) {
                client.createTrader(admin, String.format("placer%03d", a), ApiProcess.account(a));
                tokens[a] = client.login(String.format("placer%03d", a));
            }
            run(client, tokens, rate, warmup, new Stats());
            Map<Double, Long> before = serverBuckets(client, admin);
            Stats stats = new Stats();
            run(client, tokens, rate, duration, stats);
            stats.print(duration);
            printServerSide(before, serverBuckets(client, admin));
        }
    }

    private static void run(ApiClient client, String[] tokens, int rate, Duration duration, Stats stats) {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long count = duration.toNanos() / period;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                int account = (int) (i % tokens.length);
                long n = i;
                pool.submit(() -> {
                    ApiClient.Answer a = client.call("POST", "/api/v1/orders", tokens[account], Map.of("account",
                            ApiProcess.account(account), "symbol", "INFY", "side", "BUY", "quantity",
                            1 + (n % 7), "tag", "rate"), Map.of());
                    stats.record("POST /orders", new ApiClient.Answer(a.status(), "", System.nanoTime() - due));
                    if (a.status() == 422) {
                        stats.count("denied " + a.json().path("reasonCode").asText());
                    }
                });
            }
        }
    }

    /** The server's own latency histogram of 201 placements: upper bound (s) to cumulative count. */
    private static Map<Double, Long> serverBuckets(ApiClient client, String admin) {
        Map<Double, Long> buckets = new TreeMap<>();
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("quantdesk_http_requests_seconds_bucket\\{"
                + "method=\"POST\",route=\"/api/v1/orders\",status=\"201\",le=\"([^\"]+)\"} ([0-9.E+]+)");
        for (String text : client.call("GET", "/metrics", admin, null, Map.of()).body().split("\n")) {
            java.util.regex.Matcher m = line.matcher(text);
            if (m.matches() && !m.group(1).equals("+Inf")) {
                buckets.put(Double.parseDouble(m.group(1)), (long) Double.parseDouble(m.group(2)));
            }
        }
        return buckets;
    }

    /** Where the server's own histogram puts the measured placements' median and 99th percentile. */
    private static void printServerSide(Map<Double, Long> before, Map<Double, Long> after) {
        long total = after.values().stream().mapToLong(Long::longValue).max().orElse(0)
                - before.values().stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder out = new StringBuilder("server side (its own histogram, handler start to end, bucket bounds):");
        for (double q : new double[] {0.50, 0.95, 0.99}) {
            for (Map.Entry<Double, Long> b : after.entrySet()) {
                long n = b.getValue() - before.getOrDefault(b.getKey(), 0L);
                if (n >= Math.ceil(q * total)) {
                    out.append(String.format(Locale.ROOT, " p%.0f <= %.2f ms", q * 100, b.getKey() * 1000));
                    break;
                }
            }
        }
        System.out.println(out);
    }

    // ------------------------------------------------------------------ statistics

    /** Latencies and statuses by request kind. */
    static final class Stats {
        private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> notes = new ConcurrentHashMap<>();

        /** Counts something besides requests (a denial's reason code). */
        void count(String what) {
            notes.computeIfAbsent(what, k -> new LongAdder()).increment();
        }

        void record(String kind, ApiClient.Answer answer) {
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(answer.nanos());
            statuses.computeIfAbsent(kind + " " + answer.status(), k -> new LongAdder()).increment();
        }

        void print(Duration duration) {
            List<Long> all = new ArrayList<>();
            long errors = 0;
            long total = 0;
            for (Map.Entry<String, LongAdder> e : new TreeMap<>(statuses).entrySet()) {
                int status = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf(' ') + 1));
                long n = e.getValue().sum();
                total += n;
                if (status < 200 || status >= 300) {
                    errors += n;
                }
            }
            System.out.printf("%-24s %9s %9s %9s %9s %9s%n", "request", "count", "p50 ms", "p95 ms", "p99 ms",
                    "max ms");
            for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(latencies).entrySet()) {
                List<Long> sorted = new ArrayList<>(e.getValue());
                Collections.sort(sorted);
                all.addAll(sorted);
                line(e.getKey(), sorted);
            }
            Collections.sort(all);
            line("all", all);
            System.out.printf("throughput: %.0f requests/s; statuses: %s%n", total / (double) duration.toSeconds(),
                    new TreeMap<>(statuses.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().sum()))));
            System.out.printf(Locale.ROOT, "errors (anything but 2xx): %d of %d = %.4f%%%n", errors, total,
                    total == 0 ? 0 : 100.0 * errors / total);
            if (!notes.isEmpty()) {
                System.out.println("also: " + new TreeMap<>(notes.entrySet().stream().collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()))));
            }
        }

        private static void line(String kind, List<Long> sorted) {
            System.out.printf(Locale.ROOT, "%-24s %9d %9.2f %9.2f %9.2f %9.2f%n", kind, sorted.size(),
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.isEmpty() ? 0
                            : sorted.getLast() / 1e6);
        }

        private static double ms(List<Long> sorted, double q) {
            if (sorted.isEmpty()) {
                return 0;
            }
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }
    }

    private static int integer(Map<String, String> options, String name, int otherwise) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : otherwise;
    }

    /** The option {@code --name} as a duration like 500ms, 30s or 2m ({@code otherwise} when not given). */
    public static Duration duration(Map<String, String> options, String name, String otherwise) {
        String text = options.getOrDefault(name, otherwise).trim().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + ": '" + text + "' is not like 500ms, 30s or 2m");
    }
}
