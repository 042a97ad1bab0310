package com.quantdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.app.ops.OpsMetricNames;
import com.quantdesk.app.sandbox.KiteSandbox;
import com.quantdesk.app.sandbox.SandboxConfig;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.domain.Side;
import com.quantdesk.server.auth.Totp;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live trading end to end: {@code quantdesk kite login} and {@code quantdesk live} as real processes
 * against the Kite sandbox (REST and ticker over the network), a bot trading, a kill -9 while an
 * order has reached the sandbox but its answer has not reached the process, and a restart that
 * reconciles: the order is adopted with its fill, nothing is placed twice, and the journal's fills
 * are exactly the sandbox's trades, to the paisa.
 */
class LiveTradingIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final String KEY = "4f".repeat(32);
    private static final String ADMIN_PASSWORD = "Quiet-Granite-Orchard-4471";

    // Kept when the test fails: the processes' logs and the database are the evidence.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aBotTradesLiveAndAKillMidOrderIsReconciledWithoutDuplicates() throws Exception {
        Path jar = Path.of("target/quantdesk.jar").toAbsolutePath();
        assertThat(jar).as("the jar 'package' builds before integration tests").isRegularFile();
        long seed = Long.getLong("qd.live.seed", 7);
        System.out.println("LiveTradingIT: -Dqd.live.seed=" + seed + ", in " + dir);
        try (KiteSandbox sandbox = KiteSandbox.start(SandboxConfig.defaults("sandbox", "sandbox-secret")
                .withPorts(0, 0).withSeed(seed).withSpeed(60))) {
            try {
                tradeKillAndRestart(jar, sandbox);
            } catch (Throwable failure) {
                // The sandbox runs in this JVM: its threads (virtual ones too) at the failure are evidence.
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpThreads(
                        dir.resolve("threads.txt").toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                throw failure;
            }
        }
    }

    private void tradeKillAndRestart(Path jar, KiteSandbox sandbox) throws Exception {
        Path config = writeConfig(sandbox);
        Process login = process(jar, dir.resolve("login.log"), "kite", "login", "--account", "main",
                "--request-token", sandbox.issueRequestToken(), "--config", config.toString());
        assertThat(login.waitFor()).as("kite login; log:%n%s", Files.readString(dir.resolve("login.log")))
                .isZero();

        // First run: the bot trades; then every answer of the sandbox is held (requests are carried out,
        // answers come late as 504s), and the process is killed once the sandbox has filled an order of
        // ours whose fills the journal does not have: the next order (its placement answer held), or one
        // whose fills the process could no longer read.
        Path firstLog = dir.resolve("live-1.log");
        Process first = live(jar, config, firstLog, "--no-api");
        List<String> unheard;
        long tradesUnheard;
        try {
            await().atMost(READY).until(() -> Files.readString(firstLog).contains("Press Ctrl-C"));
            await().atMost(READY).until(() -> ourTrades(sandbox).size() >= 2 || !first.isAlive());
            assertThat(first.isAlive()).as("first run alive; log:%n%s", Files.readString(firstLog)).isTrue();
            sandbox.faults().hangs(1.0, Duration.ofSeconds(5)).afterHandling(true);
            // Unheard for a whole second: no answer that left before the faults can still arrive.
            await().atMost(READY).during(Duration.ofSeconds(1)).until(() -> !unheardOrders(sandbox).isEmpty());
            first.destroyForcibly();
            first.waitFor();
            sandbox.faults().reset();
            unheard = unheardOrders(sandbox);
            tradesUnheard = ourTrades(sandbox).stream().filter(t -> unheard.contains(tagOf(sandbox,
                    (String) t.get("order_id")))).count();
        } finally {
            first.destroyForcibly();
        }
        assertThat(unheard).as("orders filled at the sandbox, unheard by the killed process").isNotEmpty();
        Journal atKill = journal();
        for (String tag : unheard) {
            assertThat(fillsOf(atKill, tag)).as("%s's fills are not journaled before the restart", tag).isEmpty();
        }

        // Second run: reconciliation adopts the held order and its fill; the bot trades on.
        Path secondLog = dir.resolve("live-2.log");
        Process second = live(jar, config, secondLog, "--port", "0");
        try {
            await().atMost(READY).until(() -> Files.readString(secondLog).contains("Press Ctrl-C")
                    || !second.isAlive());
            String started = Files.readString(secondLog);
            assertThat(started).as("second run; log:%n%s", started).contains(unheard.size()
                    + " working orders restored");
            assertThat(started).contains("reconciliation: " + tradesUnheard + " fills made at Kite while the "
                    + "process was down were booked");
            int tradesAtRestart = ourTrades(sandbox).size();
            await().atMost(READY).until(() -> ourTrades(sandbox).size() >= tradesAtRestart + 2
                    || !second.isAlive());
            assertLiveMetricsExported(secondLog);
            second.destroy();
            assertThat(second.waitFor()).as("exit code after SIGTERM; log:%n%s", Files.readString(secondLog))
                    .isIn(0, 143);
        } finally {
            second.destroyForcibly();
        }
        assertThat(Files.readString(secondLog)).doesNotContain("Exception");

        // Nothing placed twice: one sandbox order per tag.
        List<String> tags = ourOrders(sandbox).stream().map(o -> (String) o.get("tag")).toList();
        assertThat(new HashSet<>(tags)).as("tags of the orders at the sandbox").hasSize(tags.size());

        Journal journal = journal();
        // Every order the journal submitted reached the sandbox at most once, and every sandbox
        // order of ours is one the journal submitted (durable before it left).
        assertThat(journal.submittedTags()).containsAll(tags);
        // The journal's fills are exactly the sandbox's trades of our orders, to the paisa.
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> orderOfTrade = new HashMap<>();
        for (Map<String, Object> order : ourOrders(sandbox)) {
            orderOfTrade.put((String) order.get("order_id"), (String) order.get("tag"));
        }
        long sandboxNet = 0;
        for (Map<String, Object> trade : ourTrades(sandbox)) {
            String tag = orderOfTrade.get((String) trade.get("order_id"));
            long quantity = ((Number) trade.get("quantity")).longValue();
            long paise = new BigDecimal(trade.get("average_price").toString()).movePointRight(2)
                    .longValueExact();
            expected.put((String) trade.get("trade_id"), tag + " " + quantity + " @ " + paise);
            sandboxNet += "BUY".equals(trade.get("transaction_type")) ? quantity : -quantity;
        }
        assertThat(journal.fills()).isEqualTo(expected);
        assertThat(journal.net()).as("net position, journal vs sandbox").isEqualTo(sandboxNet);
        for (String tag : unheard) {
            assertThat(fillsOf(journal, tag)).as("%s's fills, adopted on restart", tag).isNotEmpty();
            assertThat(journal.acceptedTags()).contains(tag);
        }
    }

    // ---------------------------------------------------------------- the sandbox's view

    private static List<Map<String, Object>> ourOrders(KiteSandbox sandbox) {
        return sandbox.orders().stream().filter(o -> o.get("tag") instanceof String t && t.startsWith("QD"))
                .toList();
    }

    private static List<Map<String, Object>> ourTrades(KiteSandbox sandbox) {
        Set<String> ours = new HashSet<>();
        for (Map<String, Object> order : ourOrders(sandbox)) {
            ours.add((String) order.get("order_id"));
        }
        return sandbox.trades().stream().filter(t -> ours.contains((String) t.get("order_id"))).toList();
    }

    /**
     * Tags of our orders the sandbox has filled while the journal (read directly from the running
     * process's SQLite file) has none of their fills.
     */
    private List<String> unheardOrders(KiteSandbox sandbox) throws Exception {
        Set<Long> journaled = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/quantdesk.db"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT order_id FROM fills")) {
            while (r.next()) {
                journaled.add(r.getLong(1));
            }
        }
        return ourOrders(sandbox).stream()
                .filter(o -> "COMPLETE".equals(o.get("status")))
                .map(o -> (String) o.get("tag"))
                .filter(tag -> !journaled.contains(Long.parseLong(tag.substring(2))))
                .toList();
    }

    private static String tagOf(KiteSandbox sandbox, String orderId) {
        return ourOrders(sandbox).stream().filter(o -> orderId.equals(o.get("order_id")))
                .map(o -> (String) o.get("tag")).findFirst().orElse("");
    }

    // ---------------------------------------------------------------- the journal's view

    /** What the journal holds: submitted and accepted tags, fills by trade id, the net position. */
    record Journal(Set<String> submittedTags, Set<String> acceptedTags, Map<String, String> fills, long net) {
    }

    private Journal journal() {
        Set<String> submitted = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        Map<String, String> fills = new TreeMap<>();
        long[] net = {0};
        try (Store store = Stores.open(StoreConfig.sqlite(dir.resolve("data")).withPoolSize(2))) {
            store.journal().replay(event -> {
                switch (event) {
                    case OrderSubmitted s -> submitted.add("QD" + s.order().id().value());
                    case OrderAccepted a -> accepted.add("QD" + a.orderId().value());
                    case OrderFilled f -> {
                        String previous = fills.put(f.fillId(), "QD" + f.orderId().value() + " " + f.quantity()
                                + " @ " + f.price());
                        assertThat(previous).as("fill %s journaled twice", f.fillId()).isNull();
                        net[0] += f.side() == Side.BUY ? f.quantity() : -f.quantity();
                    }
                    default -> {
                    }
                }
            });
        }
        return new Journal(submitted, accepted, fills, net[0]);
    }

    private static List<String> fillsOf(Journal journal, String tag) {
        List<String> out = new ArrayList<>();
        journal.fills().forEach((trade, fill) -> {
            if (fill.startsWith(tag + " ")) {
                out.add(trade);
            }
        });
        return out;
    }

    // ---------------------------------------------------------------- processes

    private Path writeConfig(KiteSandbox sandbox) throws IOException {
        Path file = dir.resolve("quantdesk.yaml");
        Files.writeString(file, """
                dataDir: %s
                feed:
                  mode: demo
                  symbols: [INFY]
                  warmUp: 0s
                accounts:
                  - id: main
                    capital: 1000000
                bots:
                  - id: momo
                    account: main
                    strategy: sma-cross
                    params: {fast: 2, slow: 3, qty: 5}
                    symbols: [INFY]
                    bar: 1m
                kite:
                  apiUrl: %s
                  tickerUrl: %s
                  apiKey: sandbox
                  reconcileEvery: 5s
                """.formatted(dir.resolve("data"), sandbox.restUrl(), sandbox.tickerUrl()));
        return file;
    }

    private Process live(Path jar, Path config, Path log, String... api) throws IOException {
        List<String> args = new ArrayList<>(List.of("live", "--account", "main", "--config", config.toString(),
                "--status-every", "2s"));
        args.addAll(List.of(api));
        return process(jar, log, args.toArray(String[]::new));
    }

    /**
     * The series of Kite and the broker adapter that the alert rules and dashboards read are at the
     * running live process's /metrics (the paper ones are ExportedMetricsTest's).
     */
    private static void assertLiveMetricsExported(Path log) throws Exception {
        Matcher api = Pattern.compile("api: +(http://127\\.0\\.0\\.1:\\d+)/api/v1").matcher(Files.readString(log));
        assertThat(api.find()).as("the API line; log:%n%s", Files.readString(log)).isTrue();
        URI root = URI.create(api.group(1));
        ObjectMapper json = new ObjectMapper();
        try (HttpClient http = HttpClient.newHttpClient()) {
            Function<Map<String, Object>, JsonNode> login = body -> post(http, json, root.resolve("/api/v1/auth/login"),
                    null, body);
            String enrolOnly = login.apply(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                    .path("accessToken").asText();
            String secret = post(http, json, root.resolve("/api/v1/auth/totp/enrol"), enrolOnly, Map.of())
                    .path("secret").asText();
            Totp totp = new Totp(InstantSource.system());
            Instant now = Instant.now();
            post(http, json, root.resolve("/api/v1/auth/totp/confirm"), enrolOnly, Map.of("code",
                    totp.codeAt(secret, now)));
            String admin = login.apply(Map.of("username", "admin", "password", ADMIN_PASSWORD, "totp",
                    totp.codeAt(secret, now.plusSeconds(30)))).path("accessToken").asText();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(root.resolve("/metrics"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            Set<String> exported = new HashSet<>();
            metrics.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> exported.add(l.split("[{ ]", 2)[0]));
            Set<String> missing = new TreeSet<>(OpsMetricNames.inOps().stream().filter(OpsMetricNames::liveOnly)
                    .toList());
            assertThat(missing).as("the live-only series the ops files read").isNotEmpty();
            missing.removeAll(exported);
            assertThat(missing).as("read by ops/ but not at a live process's /metrics").isEmpty();
        }
    }

    private static JsonNode post(HttpClient http, ObjectMapper json, URI uri, String token, Map<String, Object> body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("%s: %s", uri, answer.body()).isLessThan(300);
            return answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process process(Path jar, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KITE_API_SECRET", "sandbox-secret");
        builder.environment().put("DATA_ENCRYPTION_KEY", KEY);
        builder.environment().put("QD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().remove("KITE_API_URL");
        builder.environment().remove("KITE_TICKER_URL");
        builder.environment().remove("KITE_API_KEY");
        builder.environment().remove("DATABASE_URL");
        return builder.start();
    }
}
