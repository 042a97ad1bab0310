package com.quantdesk.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.auth.Totp;
import com.quantdesk.server.http.AddressRange;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP API over real HTTP in front of a real paper runtime (SQLite, accelerated clock). The
 * server trusts loopback as its proxy, so each test speaks from its own client address
 * (X-Forwarded-For) and the per-address limits of one test do not spill into another.
 */
class HttpApiTest {

    static final String ADMIN_PASSWORD = ApiTests.ADMIN_PASSWORD;
    static final String PASSWORD = ApiTests.PASSWORD;
    static final AccountId ACC = AccountId.of("acc");
    static final AccountId OTHER = AccountId.of("other");
    static final AccountId HALT = AccountId.of("halt");

    @TempDir
    static Path dir;

    static PaperRuntime runtime;
    static ApiServer server;
    static Http http;
    static String admin;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @BeforeAll
    static void start() {
        runtime = ApiTests.runtime(dir, List.of("INFY", "RELIANCE"), ACC.value(), OTHER.value(), HALT.value());
        ServerConfig serverConfig = ServerConfig.defaults(dir).withTrustedProxies(List.of(AddressRange.parse(
                "127.0.0.1/32"))).withCorsOrigins(List.of("https://desk.example.com"))
                .withStream(5, Duration.ofSeconds(1), 1_000).withAddress("127.0.0.1", 0);
        server = ApiTests.server(serverConfig, runtime, ApiTests.syntheticData());
        http = new Http(URI.create("http://127.0.0.1:" + server.port()), "198.51.100.1");
        admin = enrolledAdmin();
    }

    @AfterAll
    static void stop() {
        ApiTests.stop(server, runtime);
    }

    /** The first administrator, through the enrolment a user without a second factor must make. */
    static String enrolledAdmin() {
        Http.Answer login = http.post("/api/v1/auth/login", null, Map.of("username", "admin", "password",
                ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().path("totpEnrolmentRequired").asBoolean()).isTrue();
        String enrolOnly = login.json().path("accessToken").asText();
        assertThat(http.get("/api/v1/users", enrolOnly).status()).isEqualTo(403);
        Http.Answer enrol = http.post("/api/v1/auth/totp/enrol", enrolOnly, Map.of());
        assertThat(enrol.status()).as(enrol.toString()).isEqualTo(200);
        String secret = enrol.json().path("secret").asText();
        assertThat(enrol.json().path("uri").asText()).startsWith("otpauth://totp/");
        Totp totp = new Totp(InstantSource.system());
        Instant now = Instant.now();
        assertThat(http.post("/api/v1/auth/totp/confirm", enrolOnly, Map.of("code", totp.codeAt(secret, now)))
                .status()).isEqualTo(204);
        // Without the code, no token; with a fresh one (the confirmed step cannot be used again), a full one.
        assertThat(http.post("/api/v1/auth/login", null, Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .status()).isEqualTo(401);
        Http.Answer full = http.post("/api/v1/auth/login", null, Map.of("username", "admin", "password",
                ADMIN_PASSWORD, "totp", totp.codeAt(secret, now.plusSeconds(30))));
        assertThat(full.status()).as(full.toString()).isEqualTo(200);
        assertThat(full.json().has("totpEnrolmentRequired")).isFalse();
        return full.json().path("accessToken").asText();
    }

    /** A new client address, so per-address limits start afresh. */
    static Http client() {
        return http.from("203.0.113." + ADDRESSES.incrementAndGet());
    }

    /** Creates a user and signs them in. */
    static String user(String name, List<String> roles, List<String> accounts) {
        Http.Answer created = http.post("/api/v1/users", admin, Map.of("username", name, "password", PASSWORD,
                "roles", roles, "accounts", accounts));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login(client(), name).path("accessToken").asText();
    }

    static JsonNode login(Http from, String name) {
        Http.Answer login = from.post("/api/v1/auth/login", null, Map.of("username", name, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json();
    }

    static Map<String, Object> order(AccountId account, String symbol, String side, long quantity) {
        return Map.of("account", account.value(), "symbol", symbol, "side", side, "quantity", quantity);
    }

    /** A limit price 2% under the market, on the tick: the order rests, inside the price band. */
    static String restingPrice(String symbol) {
        String viewer = admin;
        await().atMost(Duration.ofSeconds(20)).until(() -> client().get("/api/v1/quotes?symbols=" + symbol, viewer)
                .json().path("items").size() == 1);
        java.math.BigDecimal last = client().get("/api/v1/quotes?symbols=" + symbol, viewer).json().path("items")
                .get(0).path("last").decimalValue();
        java.math.BigDecimal tick = java.math.BigDecimal.ONE;
        return last.multiply(new java.math.BigDecimal("0.98")).divide(tick, 0, java.math.RoundingMode.DOWN)
                .multiply(tick).setScale(2).toPlainString();
    }

    static List<String> accounts(JsonNode items) {
        List<String> accounts = new ArrayList<>();
        items.forEach(item -> accounts.add(item.path("account").asText()));
        return accounts;
    }

    static List<String> rows(String sql) throws Exception {
        return com.quantdesk.app.TestRows.select(runtime.store().dataSource(), sql);
    }

    // ------------------------------------------------------------------ system

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndACorrelationId() {
        Http.Answer health = client().get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        for (Http.Answer answer : List.of(health, client().get("/api/v1/accounts", null),
                client().get("/api/v1/no-such-thing", admin))) {
            assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Permissions-Policy")).isNotBlank();
            assertThat(answer.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
            assertThat(answer.header("X-Correlation-Id")).isNotBlank();
        }
        Http.Answer unauthenticated = client().get("/api/v1/accounts", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unauthenticated.json().path("correlationId").asText())
                .isEqualTo(unauthenticated.header("X-Correlation-Id"));
        assertThat(client().get("/api/v1/no-such-thing", admin).status()).isEqualTo(404);
        assertThat(client().get("/api/v1/accounts", admin).header("Cache-Control")).contains("no-store");
    }

    @Test
    void readinessSaysWhatItChecked() {
        await().atMost(Duration.ofSeconds(30)).until(() -> client().get("/ready", null).status() == 200);
        JsonNode checks = client().get("/ready", null).json().path("checks");
        assertThat(checks.path("database").asBoolean()).isTrue();
        assertThat(checks.path("journal").asBoolean()).isTrue();
        assertThat(checks.path("engine").asBoolean()).isTrue();
        assertThat(checks.path("marketData").asBoolean()).isTrue();
        assertThat(checks.has("redis")).isFalse();
        JsonNode system = client().get("/api/v1/system", admin).json();
        assertThat(system.path("mode").asText()).isEqualTo("paper");
        assertThat(system.path("database").asText()).isEqualTo("sqlite");
        assertThat(system.path("version").asText()).isEqualTo("test");
    }

    @Test
    void metricsNeedAnAdministratorAndCountRequestsByRouteAndStatus() {
        String viewer = user("metrics-viewer", List.of("VIEWER"), List.of("acc"));
        assertThat(client().get("/metrics", viewer).status()).isEqualTo(403);
        client().get("/api/v1/accounts", viewer);
        Http.Answer metrics = client().get("/metrics", admin);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("quantdesk_http_requests_seconds_bucket{")
                .contains("route=\"/api/v1/accounts\"").contains("quantdesk_stream_clients")
                .contains("quantdesk_account_equity_rupees{account=\"acc\"}")
                .contains("quantdesk_account_equity_rupees{account=\"halt\"}")
                .contains("jvm_memory_used_bytes");
        // The journal committed the accounts' openings; the database answers; no Redis is configured.
        assertThat(sample(metrics.body(), "quantdesk_journal_commit_seconds_count")).isPositive();
        assertThat(sample(metrics.body(), "quantdesk_journal_last_sequence"))
                .isEqualTo((double) runtime.store().journal().lastSequence());
        assertThat(sample(metrics.body(), "quantdesk_database_up")).isEqualTo(1.0);
        assertThat(sample(metrics.body(), "quantdesk_redis_configured")).isEqualTo(0.0);
        assertThat(sample(metrics.body(), "quantdesk_redis_up")).isEqualTo(0.0);
        assertThat(sample(metrics.body(), "quantdesk_logins_total{outcome=\"success\"}")).isPositive();
        assertThat(sample(metrics.body(), "quantdesk_account_trading_state{account=\"acc\"}")).isEqualTo(0.0);
        assertThat(sample(metrics.body(), "quantdesk_feed_source{source=\"primary\"}")).isEqualTo(1.0);
        assertThat(sample(metrics.body(), "quantdesk_feed_source{source=\"fallback\"}")).isEqualTo(0.0);
        assertThat(metrics.body()).contains("quantdesk_feed_staleness_seconds{symbol=\"INFY\"}")
                .contains("quantdesk_db_pool_max_connections").contains("quantdesk_engine_inbox_depth")
                .contains("disk_free_bytes{path=");
    }

    @Test
    void theAlertEngineShowsItsRulesAndFiringAlertsAndOnlyRiskOrAdminSeeHistoryAndAcknowledge() {
        String viewer = user("alerts-viewer", List.of("VIEWER"), List.of("acc"));
        Http.Answer rules = client().get("/api/v1/alerts/rules", viewer);
        assertThat(rules.status()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        rules.json().path("items").forEach(r -> names.add(r.path("name").asText()));
        assertThat(names).contains("QuantdeskKillSwitchActive", "QuantdeskDailyLossLimitHit", "QuantdeskDatabaseDown",
                "QuantdeskMarketDataStale", "QuantdeskBackupOverdue").doesNotHaveDuplicates();
        assertThat(client().get("/api/v1/alerts/active", viewer).status()).isEqualTo(200);
        assertThat(client().get("/api/v1/alerts/history", viewer).status()).isEqualTo(403);
        assertThat(client().post("/api/v1/alerts/nothing-fires/ack", viewer, Map.of()).status()).isEqualTo(403);
        assertThat(client().get("/api/v1/alerts/history", admin).status()).isEqualTo(200);
        Http.Answer unknown = client().post("/api/v1/alerts/nothing-fires/ack", admin, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asText()).isEqualTo("no firing alert nothing-fires");
    }

    /** The value of one sample (name with its labels, as printed) in a scrape. */
    static double sample(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).map(l -> l.substring(series.length() + 1))
                .mapToDouble(Double::parseDouble).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + series + " in the scrape"));
    }

    @Test
    void aHeadRequestIsLetInAsItsGetWouldBe() {
        // Load balancers probe with HEAD: it answers as GET does, without a body, and needs what GET needs.
        Http.Answer health = client().send("HEAD", "/health", null, null, Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.response().body()).isEmpty();
        assertThat(client().send("HEAD", "/", null, null, Map.of()).status()).isEqualTo(200);
        assertThat(client().send("HEAD", "/api/v1/accounts", null, null, Map.of()).status()).isEqualTo(401);
        String viewer = user("head-viewer", List.of("VIEWER"), List.of("acc"));
        assertThat(client().send("HEAD", "/api/v1/accounts", viewer, null, Map.of()).status()).isEqualTo(200);
        assertThat(client().send("HEAD", "/metrics", viewer, null, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void theApiDocumentDescribesExactlyTheRoutesTheServerHas() {
        JsonNode paths = client().get("/api/v1/openapi.json", null).json().path("paths");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        java.util.Set<String> served = new java.util.TreeSet<>(server.routes());
        served.add("GET /api/v1/stream"); // the WebSocket upgrade, not an HTTP handler
        assertThat(documented).isEqualTo(served);
        // Every operation says who may call it and what it answers.
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            assertThat(op.getValue().path("summary").asText()).as(path.getKey()).isNotBlank();
            assertThat(op.getValue().path("x-roles").isArray()).as(path.getKey()).isTrue();
            assertThat(op.getValue().path("responses").size()).as(path.getKey()).isPositive();
        }));
    }

    @Test
    void theStreamDeliversTheCallersOrdersOnlyAfterAuthenticationAtConnect() throws Exception {
        String trader = user("stream-trader", List.of("TRADER"), List.of("acc"));
        String stranger = user("stream-stranger", List.of("VIEWER"), List.of("other"));
        URI ws = URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/stream");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CompletionException.class, () -> client.newWebSocketBuilder()
                        .buildAsync(ws, new Messages()).join());
        assertThat(refused.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
        assertThat(((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode())
                .isEqualTo(401);
        Messages mine = new Messages();
        Messages theirs = new Messages();
        java.net.http.WebSocket own = client.newWebSocketBuilder().buildAsync(URI.create(ws + "?access_token="
                + trader), mine).join();
        java.net.http.WebSocket other = client.newWebSocketBuilder().buildAsync(URI.create(ws + "?access_token="
                + stranger), theirs).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> mine.any(m -> m.contains("\"welcome\"")));
        own.sendText("{\"type\":\"subscribe\",\"channels\":[\"orders\",\"quotes:INFY\"]}", true).join();
        other.sendText("{\"type\":\"subscribe\",\"channels\":[\"orders\"]}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> mine.any(m -> m.contains("\"subscribed\""))
                && theirs.any(m -> m.contains("\"subscribed\"")));
        own.sendText("{\"type\":\"subscribe\",\"channels\":[\"secrets\"]}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> mine.any(m -> m.contains("\"error\"")));
        await().atMost(Duration.ofSeconds(10)).until(() -> mine.any(m -> m.contains("\"quotes:INFY\"")));
        long id = client().post("/api/v1/orders", trader, Map.of("account", "acc", "symbol", "INFY", "side", "BUY",
                "quantity", 1, "type", "LIMIT", "limitPrice", restingPrice("INFY"), "tag", "stream"))
                .json().path("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> mine.any(m -> m.contains("\"orders\"")
                && m.contains("\"orderId\":" + id)));
        assertThat(theirs.any(m -> m.contains("\"orderId\":" + id))).isFalse();
        // The heartbeat (every second on this server) reaches every client.
        await().atMost(Duration.ofSeconds(10)).until(() -> theirs.any(m -> m.equals("{\"type\":\"heartbeat\"}")));
        assertThat(mine.any(m -> m.contains("\"heartbeatSeconds\":1"))).isTrue();
        own.sendClose(1000, "done").join();
        other.sendClose(1000, "done").join();
    }

    @Test
    void aUserHoldsAtMostFiveStreams() {
        String viewer = user("stream-many", List.of("VIEWER"), List.of("acc"));
        URI ws = URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/stream?access_token=" + viewer);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<java.net.http.WebSocket> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // The server counts a stream when it welcomes it, just after the handshake: wait for that, or the
            // sixth handshake can pass the count's check before the fifth is counted (then closed with 4429).
            Messages messages = new Messages();
            open.add(client.newWebSocketBuilder().buildAsync(ws, messages).join());
            await().atMost(Duration.ofSeconds(10)).until(() -> messages.any(m -> m.contains("\"welcome\"")));
        }
        java.util.concurrent.CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CompletionException.class, () -> client.newWebSocketBuilder()
                        .buildAsync(ws, new Messages()).join());
        assertThat(((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode())
                .isEqualTo(429);
        open.removeFirst().sendClose(1000, "done").join();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            open.add(client.newWebSocketBuilder().buildAsync(ws, new Messages()).join());
            return true;
        });
        open.forEach(socket -> socket.sendClose(1000, "done").join());
    }

    @Test
    void aStreamClosesWhenItsCallerSignsOutAndFollowsChangedGrants() throws Exception {
        String token = user("stream-leaver", List.of("VIEWER"), List.of("acc"));
        URI ws = URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/stream?access_token=" + token);
        Messages messages = new Messages();
        java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(ws, messages).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> messages.any(m -> m.contains("\"welcome\"")));
        assertThat(client().post("/api/v1/auth/logout", token, Map.of()).status()).isEqualTo(204);
        // Checked again at the next heartbeat (every second on this server).
        await().atMost(Duration.ofSeconds(10)).until(() -> messages.closedWith == 4401);
        assertThat(socket.isInputClosed()).isTrue();
    }

    @Test
    void aCredentialOfAUserWhoBecomesAdminWithoutASecondFactorOnlyReachesEnrolment() {
        String trader = user("promoted", List.of("TRADER"), List.of("acc"));
        String key = client().post("/api/v1/api-keys", trader, Map.of("name", "bot", "scope", "TRADE")).json()
                .path("key").asText();
        assertThat(client().send("GET", "/api/v1/accounts", null, null, Map.of("X-API-Key", key)).status())
                .isEqualTo(200);
        assertThat(client().send("PUT", "/api/v1/users/promoted/roles", admin, Map.of("roles",
                List.of("TRADER", "ADMIN")), Map.of()).status()).isEqualTo(200);
        assertThat(client().send("GET", "/api/v1/accounts", null, null, Map.of("X-API-Key", key)).status())
                .isEqualTo(403);
        assertThat(client().get("/api/v1/users", trader).status()).isEqualTo(403);
        assertThat(client().get("/api/v1/auth/me", trader).json().path("totpEnrolmentRequired").asBoolean()).isTrue();
    }

    @Test
    void flatteningEverythingOrLiftingTheGlobalHaltNeedsEveryAccount() {
        String risk = user("risk-partial", List.of("RISK"), List.of("halt"));
        assertThat(client().post("/api/v1/risk/kill-switch", risk, Map.of("reason", "drill", "flatten", true))
                .status()).isEqualTo(403);
        assertThat(client().post("/api/v1/risk/kill-switch/reset", risk, Map.of("reason", "drill")).status())
                .isEqualTo(403);
        assertThat(client().get("/api/v1/risk/states", risk).json().path("global").asText()).isEqualTo("ACTIVE");
        assertThat(client().get("/metrics", risk).status()).isEqualTo(403);
    }

    /** What a WebSocket client received. */
    static final class Messages implements java.net.http.WebSocket.Listener {
        private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        volatile int closedWith = -1;

        @Override
        public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket socket, int status,
                                                               String reason) {
            closedWith = status;
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data,
                                                              boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        boolean any(java.util.function.Predicate<String> test) {
            return received.stream().anyMatch(test);
        }
    }

    @Test
    void theApiDocumentAndThePageArePublic() {
        Http.Answer doc = client().get("/api/v1/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().path("openapi").asText()).isEqualTo("3.1.0");
        Http.Answer page = client().get("/api/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/api/v1/orders").doesNotContain("<script");
    }

    // ------------------------------------------------------------------ orders

    @Test
    void anOrdersCorrelationIdFollowsItFromTheRequestThroughTheEngineAndJournalToTheVenue() {
        String trader = user("trader-traced", List.of("TRADER"), List.of("acc"));
        String price = restingPrice("INFY");
        ch.qos.logback.classic.LoggerContext logging =
                (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        List<String> traced = List.of("com.quantdesk.server.access", "com.quantdesk.core.engine.TradingEngine",
                "com.quantdesk.store.journal.JdbcEventJournal", "com.quantdesk.sim.venue.TickVenue");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.setContext(logging);
        captured.start();
        Map<String, ch.qos.logback.classic.Level> levels = new java.util.HashMap<>();
        for (String name : traced) {
            ch.qos.logback.classic.Logger logger = logging.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
            logger.addAppender(captured);
        }
        try {
            Http.Answer placed = client().send("POST", "/api/v1/orders", trader, Map.of("account", "acc", "symbol",
                    "INFY", "side", "BUY", "quantity", 2, "type", "LIMIT", "limitPrice", price),
                    Map.of("X-Correlation-Id", "abc123"));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            assertThat(placed.header("X-Correlation-Id")).isEqualTo("abc123");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(List.copyOf(captured.list).stream()
                    .filter(e -> "abc123".equals(e.getMDCPropertyMap().get("correlation_id")))
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getLoggerName).distinct())
                    .containsExactlyInAnyOrderElementsOf(traced));
            assertThat(List.copyOf(captured.list)).filteredOn(e -> e.getLoggerName().endsWith("TickVenue")
                            && "abc123".equals(e.getMDCPropertyMap().get("correlation_id")))
                    .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("INFY", "BUY"));
        } finally {
            for (String name : traced) {
                ch.qos.logback.classic.Logger logger = logging.getLogger(name);
                logger.detachAppender(captured);
                logger.setLevel(levels.get(name));
            }
        }
    }

    @Test
    void aPlacedOrderIsDurableWhenAnsweredAndReadBackByItsTrader() throws Exception {
        String trader = user("trader-one", List.of("TRADER"), List.of("acc"));
        String price = restingPrice("INFY");
        Http.Answer placed = client().post("/api/v1/orders", trader, Map.of("account", "acc", "symbol", "INFY",
                "side", "BUY", "quantity", 3, "type", "LIMIT", "limitPrice", price));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        long id = placed.json().path("id").asLong();
        assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + id);
        assertThat(placed.json().path("quantity").asLong()).isEqualTo(3);
        assertThat(placed.json().path("limitPrice").decimalValue()).isEqualByComparingTo(price);
        // Durable when answered: the journal holds its OrderSubmitted, with the audit record of the request.
        // (the projections commit in the journal's transaction, so the row is there when the event is).
        assertThat(rows("SELECT account, symbol, quantity FROM orders WHERE order_id = " + id))
                .containsExactly("acc|INFY|3");
        assertThat(rows("SELECT COUNT(*) FROM audit_log WHERE action = 'order.place' AND target = '" + id + "'"))
                .containsExactly("1");
        await().atMost(Duration.ofSeconds(10)).until(() -> client().get("/api/v1/orders/" + id, trader).status()
                == 200);
        JsonNode read = client().get("/api/v1/orders/" + id, trader).json();
        assertThat(read.path("account").asText()).isEqualTo("acc");
        assertThat(read.path("symbol").asText()).isEqualTo("INFY");
        Http.Answer cancelled = client().send("DELETE", "/api/v1/orders/" + id, trader, null, Map.of());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> client().get("/api/v1/orders/" + id, trader).json()
                .path("status").asText().equals("CANCELLED"));
        Http.Answer again = client().send("DELETE", "/api/v1/orders/" + id, trader, null, Map.of());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aRetriedPlacementWithItsIdempotencyKeyAnswersTheFirstResultAndPlacesOneOrder() throws Exception {
        String trader = user("trader-idem", List.of("TRADER"), List.of("acc"));
        Map<String, String> key = Map.of("Idempotency-Key", "retry-0001-abcdef");
        Map<String, Object> body = Map.of("account", "acc", "symbol", "RELIANCE", "side", "BUY", "quantity", 2,
                "tag", "idem");
        Http.Answer first = client().send("POST", "/api/v1/orders", trader, body, key);
        Http.Answer second = client().send("POST", "/api/v1/orders", trader, body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(rows("SELECT COUNT(*) FROM orders WHERE tag = 'idem'")).containsExactly("1");
        Http.Answer other = client().send("POST", "/api/v1/orders", trader, Map.of("account", "acc", "symbol",
                "RELIANCE", "side", "BUY", "quantity", 5, "tag", "idem"), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("type").asText()).endsWith("idempotency-mismatch");
        assertThat(rows("SELECT COUNT(*) FROM orders WHERE tag = 'idem'")).containsExactly("1");
    }

    @Test
    void aRiskDenialIsA422WithTheReasonCodeAndTheNumbers() {
        String trader = user("trader-big", List.of("TRADER"), List.of("acc"));
        Http.Answer denied = client().post("/api/v1/orders", trader, order(ACC, "INFY", "BUY", 9_000_000));
        assertThat(denied.status()).as(denied.toString()).isEqualTo(422);
        assertThat(denied.json().path("reasonCode").asText()).startsWith("RISK_");
        assertThat(denied.json().has("limit")).isTrue();
        assertThat(denied.json().has("attempted")).isTrue();
        assertThat(denied.json().path("orderId").asLong()).isPositive();
    }

    @Test
    void segregation_aViewerCannotTradeAndATraderSeesNothingOfAnotherAccount() throws Exception {
        String owner = user("trader-owner", List.of("TRADER"), List.of("acc"));
        String stranger = user("trader-stranger", List.of("TRADER"), List.of("other"));
        String viewer = user("viewer-acc", List.of("VIEWER"), List.of("acc"));
        long id = client().post("/api/v1/orders", owner, Map.of("account", "acc", "symbol", "INFY", "side", "BUY",
                "quantity", 1, "type", "LIMIT", "limitPrice", restingPrice("INFY"))).json().path("id").asLong();
        long before = Long.parseLong(rows("SELECT COUNT(*) FROM orders").getFirst());
        Http.Answer viewerOrder = client().post("/api/v1/orders", viewer, order(ACC, "INFY", "BUY", 1));
        assertThat(viewerOrder.status()).isEqualTo(403);
        assertThat(client().get("/api/v1/orders/" + id, stranger).status()).isEqualTo(404);
        assertThat(client().send("DELETE", "/api/v1/orders/" + id, stranger, null, Map.of()).status()).isEqualTo(404);
        assertThat(client().post("/api/v1/orders", stranger, order(ACC, "INFY", "BUY", 1)).status()).isEqualTo(404);
        assertThat(client().get("/api/v1/orders?account=acc", stranger).json().path("items")).isEmpty();
        assertThat(accounts(client().get("/api/v1/portfolio", stranger).json().path("items")))
                .containsExactly("other");
        assertThat(client().get("/api/v1/orders/" + id, viewer).status()).isEqualTo(200);
        assertThat(Long.parseLong(rows("SELECT COUNT(*) FROM orders").getFirst())).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        String trader = user("trader-bad", List.of("TRADER"), List.of("acc"));
        long before = Long.parseLong(rows("SELECT COUNT(*) FROM orders").getFirst());
        Http.Answer unknown = client().post("/api/v1/orders", trader, Map.of("account", "acc", "symbol", "INFY",
                "side", "BUY", "quantity", 1, "price", 5));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsText("field")).containsExactly("price");
        Http.Answer symbol = client().post("/api/v1/orders", trader, order(ACC, "NOSUCH", "BUY", 1));
        assertThat(symbol.status()).isEqualTo(400);
        assertThat(symbol.json().path("errors").findValuesAsText("field")).containsExactly("symbol");
        Http.Answer paise = client().post("/api/v1/orders", trader, Map.of("account", "acc", "symbol", "INFY",
                "side", "BUY", "quantity", 1, "type", "LIMIT", "limitPrice", "10.001"));
        assertThat(paise.json().path("errors").findValuesAsText("field")).containsExactly("limitPrice");
        assertThat(client().post("/api/v1/orders", trader, "{\"account\": ").status()).isEqualTo(400);
        assertThat(client().send("POST", "/api/v1/orders", trader, "account=acc", Map.of("Content-Type",
                "application/x-www-form-urlencoded")).status()).isEqualTo(415);
        Http.Answer big = client().post("/api/v1/orders", trader, "{\"tag\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(client().get("/api/v1/orders?limit=100000", trader).status()).isEqualTo(400);
        assertThat(client().get("/api/v1/orders/abc", trader).status()).isEqualTo(404);
        assertThat(Long.parseLong(rows("SELECT COUNT(*) FROM orders").getFirst())).isEqualTo(before);
        for (Http.Answer answer : List.of(unknown, symbol, paise, big)) {
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at com.");
        }
    }

    @Test
    void sqlInjectionPayloadsAreDataNotCode() throws Exception {
        String trader = user("trader-sqli", List.of("TRADER"), List.of("acc"));
        long orders = Long.parseLong(rows("SELECT COUNT(*) FROM orders").getFirst());
        long users = Long.parseLong(rows("SELECT COUNT(*) FROM users").getFirst());
        List<String> payloads = List.of("' OR '1'='1", "acc' --", "1; DROP TABLE orders; --",
                "\" OR 1=1 --", "acc') UNION SELECT username, password_hash FROM users --");
        for (String payload : payloads) {
            String q = java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8);
            for (String path : List.of("/api/v1/orders?symbol=" + q, "/api/v1/orders?bot=" + q,
                    "/api/v1/orders?account=" + q, "/api/v1/fills?symbol=" + q, "/api/v1/positions?account=" + q,
                    "/api/v1/quotes?symbols=" + q, "/api/v1/bots/" + q, "/api/v1/orders/" + q)) {
                Http.Answer answer = client().get(path, trader);
                assertThat(answer.status()).as(path).isIn(200, 400, 404);
                if (answer.status() == 200) {
                    assertThat(answer.json().path("items")).as(path).isEmpty();
                }
            }
            Http.Answer login = client().post("/api/v1/auth/login", null, Map.of("username", payload,
                    "password", payload));
            assertThat(login.status()).isIn(400, 401);
            assertThat(client().post("/api/v1/orders", trader, Map.of("account", "acc", "symbol", payload,
                    "side", "BUY", "quantity", 1, "tag", "x")).status()).isEqualTo(400);
        }
        assertThat(Long.parseLong(rows("SELECT COUNT(*) FROM orders").getFirst())).isEqualTo(orders);
        assertThat(Long.parseLong(rows("SELECT COUNT(*) FROM users").getFirst())).isEqualTo(users);
    }

    @Test
    void aMarketOrderFillsAndShowsInFillsPositionsAndThePortfolio() {
        String trader = user("trader-fills", List.of("TRADER"), List.of("other"));
        Http.Answer placed = client().post("/api/v1/orders", trader, order(OTHER, "RELIANCE", "BUY", 4));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        long id = placed.json().path("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> client().get("/api/v1/fills?order=" + id, trader).json()
                .path("items").size() >= 1);
        JsonNode fills = client().get("/api/v1/fills?order=" + id, trader).json().path("items");
        long filled = 0;
        Instant lastFill = Instant.MIN;
        for (JsonNode fill : fills) {
            filled += fill.path("quantity").asLong();
            Instant time = Instant.parse(fill.path("time").asText());
            lastFill = time.isAfter(lastFill) ? time : lastFill;
        }
        assertThat(filled).isLessThanOrEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> client().get("/api/v1/orders/" + id, trader).json()
                .path("status").asText().equals("FILLED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> client().get("/api/v1/positions?account=other", trader)
                .json().path("items").findValuesAsText("symbol").contains("RELIANCE"));
        JsonNode portfolio = client().get("/api/v1/portfolio", trader).json().path("items").get(0);
        assertThat(portfolio.path("charges").decimalValue()).isPositive();
        // The runtime's clock runs 600 times faster than the wall clock, so midnight IST can pass
        // between the fill and this read; today's charges then start again from nothing.
        LocalDate filledOn = MarketTime.tradeDate(lastFill);
        LocalDate shownOn = MarketTime.tradeDate(Instant.parse(portfolio.path("asOf").asText()));
        if (shownOn.equals(filledOn)) {
            assertThat(portfolio.path("day").path("charges").decimalValue()).isPositive();
        } else {
            assertThat(shownOn).isAfter(filledOn);
        }
        assertThat(portfolio.path("cash").decimalValue().add(portfolio.path("marketValue").decimalValue()))
                .isEqualByComparingTo(portfolio.path("equity").decimalValue());
    }

    @Test
    void aRestingOrderIsModifiedAndUnknownOrdersAre404() {
        String trader = user("trader-modify", List.of("TRADER"), List.of("acc"));
        String price = restingPrice("INFY");
        long id = client().post("/api/v1/orders", trader, Map.of("account", "acc", "symbol", "INFY", "side", "BUY",
                "quantity", 2, "type", "LIMIT", "limitPrice", price)).json().path("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> client().get("/api/v1/orders/" + id, trader).json()
                .path("status").asText().equals("ACCEPTED"));
        Http.Answer modified = client().send("PATCH", "/api/v1/orders/" + id, trader, Map.of("quantity", 3), Map.of());
        assertThat(modified.status()).as(modified.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> client().get("/api/v1/orders/" + id, trader).json()
                .path("quantity").asLong() == 3);
        assertThat(client().send("PATCH", "/api/v1/orders/" + id, trader, Map.of(), Map.of()).status())
                .isEqualTo(400);
        assertThat(client().send("PATCH", "/api/v1/orders/999999999", trader, Map.of("quantity", 3), Map.of())
                .status()).isEqualTo(404);
        assertThat(client().send("DELETE", "/api/v1/orders/" + id, trader, null, Map.of()).status()).isEqualTo(202);
    }

    // ------------------------------------------------------------------ users and keys

    @Test
    void administratorsManageUsersRolesGrantsAndAccess() {
        String viewer = user("managed", List.of("VIEWER"), List.of("acc"));
        assertThat(client().get("/api/v1/users", viewer).status()).isEqualTo(403);
        assertThat(client().get("/api/v1/users", admin).json().path("items").findValuesAsText("username"))
                .contains("admin", "managed");
        assertThat(client().post("/api/v1/users", admin, Map.of("username", "managed", "password", PASSWORD,
                "roles", List.of("VIEWER"))).status()).isEqualTo(409);
        Http.Answer weak = client().post("/api/v1/users", admin, Map.of("username", "weakling", "password",
                "password123", "roles", List.of("VIEWER")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").findValuesAsText("field")).containsOnly("password");
        Http.Answer granted = client().send("PUT", "/api/v1/users/managed/accounts", admin, Map.of("accounts",
                List.of("acc", "other")), Map.of());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        String fresh = login(client(), "managed").path("accessToken").asText();
        assertThat(client().get("/api/v1/accounts", fresh).json().path("items").findValuesAsText("id"))
                .containsExactlyInAnyOrder("acc", "other");
        Http.Answer roles = client().send("PUT", "/api/v1/users/managed/roles", admin, Map.of("roles",
                List.of("TRADER")), Map.of());
        assertThat(roles.json().path("roles").get(0).asText()).isEqualTo("TRADER");
        assertThat(client().post("/api/v1/users/managed/disable", admin, null).json().path("disabled").asBoolean())
                .isTrue();
        assertThat(client().get("/api/v1/auth/me", fresh).status()).isEqualTo(401);
        assertThat(client().post("/api/v1/auth/login", null, Map.of("username", "managed", "password", PASSWORD))
                .status()).isEqualTo(403);
        assertThat(client().post("/api/v1/users/managed/enable", admin, null).status()).isEqualTo(200);
        assertThat(login(client(), "managed").path("accessToken").asText()).isNotBlank();
        assertThat(client().get("/api/v1/users/nobody", admin).status()).isEqualTo(404);
        assertThat(client().get("/api/v1/audit?action=user.", admin).json().path("items").findValuesAsText("target"))
                .contains("managed");
    }

    @Test
    void apiKeysAreShownOnceScopedAndRevocable() {
        String trader = user("key-owner", List.of("TRADER"), List.of("acc"));
        Http.Answer read = client().post("/api/v1/api-keys", trader, Map.of("name", "dashboards", "scope", "READ"));
        assertThat(read.status()).as(read.toString()).isEqualTo(201);
        String readKey = read.json().path("key").asText();
        Http.Answer trade = client().post("/api/v1/api-keys", trader, Map.of("name", "algo", "scope", "TRADE"));
        String tradeKey = trade.json().path("key").asText();
        Map<String, String> asRead = Map.of("X-API-Key", readKey);
        Map<String, String> asTrade = Map.of("Authorization", "ApiKey " + tradeKey);
        assertThat(client().send("GET", "/api/v1/portfolio", null, null, asRead).status()).isEqualTo(200);
        assertThat(client().send("POST", "/api/v1/orders", null, order(ACC, "INFY", "BUY", 1), asRead).status())
                .isEqualTo(403);
        assertThat(client().send("POST", "/api/v1/orders", null, Map.of("account", "acc", "symbol", "INFY", "side",
                "BUY", "quantity", 1, "type", "LIMIT", "limitPrice", restingPrice("INFY")), asTrade).status())
                .isEqualTo(201);
        assertThat(client().send("POST", "/api/v1/api-keys", null, Map.of("name", "more"), asTrade).status())
                .isEqualTo(403);
        JsonNode listed = client().get("/api/v1/api-keys", trader).json().path("items");
        assertThat(listed.findValuesAsText("name")).containsExactlyInAnyOrder("dashboards", "algo");
        assertThat(listed.toString()).doesNotContain(readKey).doesNotContain(tradeKey);
        String stranger = user("key-stranger", List.of("TRADER"), List.of("acc"));
        assertThat(client().send("DELETE", "/api/v1/api-keys/" + read.json().path("id").asText(), stranger, null,
                Map.of()).status()).isEqualTo(404);
        assertThat(client().send("DELETE", "/api/v1/api-keys/" + read.json().path("id").asText(), trader, null,
                Map.of()).status()).isEqualTo(204);
        assertThat(client().send("GET", "/api/v1/portfolio", null, null, asRead).status()).isEqualTo(401);
        String viewer = user("key-viewer", List.of("VIEWER"), List.of("acc"));
        assertThat(client().post("/api/v1/api-keys", viewer, Map.of("name", "x", "scope", "TRADE")).status())
                .isEqualTo(403);
    }

    @Test
    void aPasswordChangeEndsOtherSessionsAndTheNewPasswordWorks() {
        String token = user("changer", List.of("VIEWER"), List.of("acc"));
        assertThat(client().post("/api/v1/auth/password", token, Map.of("currentPassword", "Wrong-Password-99x",
                "newPassword", "Another-Long-Phrase-55")).status()).isEqualTo(403);
        Http.Answer weak = client().post("/api/v1/auth/password", token, Map.of("currentPassword", PASSWORD,
                "newPassword", "changer-is-my-name"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(client().post("/api/v1/auth/password", token, Map.of("currentPassword", PASSWORD,
                "newPassword", "Another-Long-Phrase-55")).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> client().get("/api/v1/auth/me", token).status() == 401);
        assertThat(client().post("/api/v1/auth/login", null, Map.of("username", "changer", "password", PASSWORD))
                .status()).isEqualTo(401);
        assertThat(client().post("/api/v1/auth/login", null, Map.of("username", "changer", "password",
                "Another-Long-Phrase-55")).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ auth attacks

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheWholeLogin() {
        user("refresher", List.of("VIEWER"), List.of("acc"));
        Http from = client();
        JsonNode first = login(from, "refresher");
        Http.Answer rotated = from.post("/api/v1/auth/refresh", null, Map.of("refreshToken",
                first.path("refreshToken").asText()));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newRefresh = rotated.json().path("refreshToken").asText();
        assertThat(newRefresh).isNotEqualTo(first.path("refreshToken").asText());
        // The old one again: refused, and the family it belongs to is revoked (the new one too).
        assertThat(from.post("/api/v1/auth/refresh", null, Map.of("refreshToken", first.path("refreshToken")
                .asText())).status()).isEqualTo(401);
        assertThat(from.post("/api/v1/auth/refresh", null, Map.of("refreshToken", newRefresh)).status())
                .isEqualTo(401);
    }

    @Test
    void logoutRevokesTheAccessToken() {
        user("leaver", List.of("VIEWER"), List.of("acc"));
        JsonNode tokens = login(client(), "leaver");
        String access = tokens.path("accessToken").asText();
        assertThat(client().get("/api/v1/auth/me", access).status()).isEqualTo(200);
        assertThat(client().post("/api/v1/auth/logout", access, Map.of("refreshToken", tokens.path("refreshToken")
                .asText())).status()).isEqualTo(204);
        assertThat(client().get("/api/v1/auth/me", access).status()).isEqualTo(401);
    }

    @Test
    void forgedTokensAreRefused() {
        String real = user("forger", List.of("VIEWER"), List.of("acc"));
        String[] parts = real.split("\\.");
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        String tampered = b64.encodeToString(payload.replace("\"forger\"", "\"admin\"").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        String none = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        for (String forged : List.of(parts[0] + "." + tampered + "." + parts[2], none + "." + tampered + ".",
                none + "." + parts[1] + ".", "not-a-token", real + "x")) {
            Http.Answer answer = client().get("/api/v1/auth/me", forged);
            assertThat(answer.status()).as(forged).isEqualTo(401);
        }
    }

    @Test
    void tokensSignedOrClaimedOtherwiseThanTheServerIssuesAreRefused() throws Exception {
        String real = user("jwt-target", List.of("VIEWER"), List.of("acc"));
        com.nimbusds.jose.jwk.RSAKey key = com.nimbusds.jose.jwk.RSAKey.parse(java.nio.file.Files.readString(
                dir.resolve("jwt-signing-key.json")).strip());
        com.nimbusds.jwt.SignedJWT original = com.nimbusds.jwt.SignedJWT.parse(real);
        com.nimbusds.jwt.JWTClaimsSet claims = original.getJWTClaimsSet();
        com.nimbusds.jose.JWSHeader header = original.getHeader();
        // The forging is right: the same header and claims signed with the server's key pass.
        assertThat(client().get("/api/v1/auth/me", sign(header, claims, new com.nimbusds.jose.crypto.RSASSASigner(key)))
                .status()).isEqualTo(200);
        java.util.Date past = java.util.Date.from(Instant.now().minusSeconds(3600));
        Map<String, com.nimbusds.jwt.JWTClaimsSet> forged = Map.of(
                "expired", new com.nimbusds.jwt.JWTClaimsSet.Builder(claims).expirationTime(past).build(),
                "not yet valid", new com.nimbusds.jwt.JWTClaimsSet.Builder(claims).notBeforeTime(java.util.Date.from(
                        Instant.now().plusSeconds(3600))).build(),
                "another audience", new com.nimbusds.jwt.JWTClaimsSet.Builder(claims).audience("elsewhere").build(),
                "another issuer", new com.nimbusds.jwt.JWTClaimsSet.Builder(claims).issuer("someone-else").build(),
                "another user", new com.nimbusds.jwt.JWTClaimsSet.Builder(claims).subject("admin").build());
        com.nimbusds.jose.jwk.RSAKey other = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                .keyID(key.getKeyID()).generate();
        for (Map.Entry<String, com.nimbusds.jwt.JWTClaimsSet> f : forged.entrySet()) {
            String token = sign(header, f.getValue(), f.getKey().equals("another user")
                    ? new com.nimbusds.jose.crypto.RSASSASigner(other) : new com.nimbusds.jose.crypto.RSASSASigner(key));
            assertThat(client().get("/api/v1/auth/me", token).status()).as(f.getKey()).isEqualTo(401);
        }
        // HS256 keyed with the server's public key (algorithm confusion), and another key under its kid.
        com.nimbusds.jose.JWSHeader hmac = new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.HS256)
                .type(header.getType()).keyID(header.getKeyID()).build();
        assertThat(client().get("/api/v1/auth/me", sign(hmac, claims, new com.nimbusds.jose.crypto.MACSigner(
                key.toRSAPublicKey().getEncoded()))).status()).isEqualTo(401);
        assertThat(client().get("/api/v1/auth/me", sign(header, claims, new com.nimbusds.jose.crypto.RSASSASigner(
                other))).status()).isEqualTo(401);
    }

    private static String sign(com.nimbusds.jose.JWSHeader header, com.nimbusds.jwt.JWTClaimsSet claims,
                               com.nimbusds.jose.JWSSigner signer) throws Exception {
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void cookieSessionsNeedTheCsrfTokenForChanges() {
        String trader = user("cookie-trader", List.of("TRADER"), List.of("acc"));
        assertThat(trader).isNotBlank();
        Http from = client();
        Http.Answer login = from.post("/api/v1/auth/login", null, Map.of("username", "cookie-trader", "password",
                PASSWORD, "cookies", true));
        List<String> cookies = login.response().headers().allValues("Set-Cookie");
        assertThat(cookies).anyMatch(c -> c.startsWith("qd_access=") && c.contains("HttpOnly")
                && c.contains("SameSite=Strict"));
        String cookieHeader = String.join("; ", cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
        String csrf = login.json().path("csrfToken").asText();
        Map<String, Object> body = Map.of("account", "acc", "symbol", "INFY", "side", "BUY", "quantity", 1,
                "type", "LIMIT", "limitPrice", restingPrice("INFY"));
        assertThat(from.send("GET", "/api/v1/accounts", null, null, Map.of("Cookie", cookieHeader)).status())
                .isEqualTo(200);
        assertThat(from.send("POST", "/api/v1/orders", null, body, Map.of("Cookie", cookieHeader)).status())
                .isEqualTo(403);
        assertThat(from.send("POST", "/api/v1/orders", null, body, Map.of("Cookie", cookieHeader,
                "X-CSRF-Token", "wrong")).status()).isEqualTo(403);
        assertThat(from.send("POST", "/api/v1/orders", null, body, Map.of("Cookie", cookieHeader,
                "X-CSRF-Token", csrf)).status()).isEqualTo(201);
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        String viewer = user("cors-viewer", List.of("VIEWER"), List.of("acc"));
        Http.Answer allowed = client().send("GET", "/api/v1/accounts", viewer, null,
                Map.of("Origin", "https://desk.example.com"));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://desk.example.com");
        Http.Answer foreign = client().send("GET", "/api/v1/accounts", viewer, null,
                Map.of("Origin", "https://evil.example.net"));
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        Http.Answer preflight = client().send("OPTIONS", "/api/v1/orders", null, null, Map.of("Origin",
                "https://evil.example.net", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.status()).isEqualTo(403);
        Http.Answer change = client().send("POST", "/api/v1/auth/logout", viewer, Map.of(),
                Map.of("Origin", "https://evil.example.net"));
        assertThat(change.status()).isEqualTo(403);
        assertThat(client().get("/api/v1/auth/me", viewer).status()).isEqualTo(200);
    }

    @Test
    void the101stRequestInAMinuteFromOneAddressIsRefusedWithRetryAfter() {
        Http from = client();
        for (int i = 1; i <= 100; i++) {
            Http.Answer answer = from.get("/api/v1/openapi.json", null);
            assertThat(answer.status()).as("request " + i).isEqualTo(200);
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo(Integer.toString(100 - i));
        }
        Http.Answer refused = from.get("/api/v1/openapi.json", null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(client().get("/api/v1/openapi.json", null).status()).isEqualTo(200);
    }

    @Test
    void fiveFailedLoginsLockTheUserEvenWithTheRightPasswordAfterwards() {
        user("target", List.of("VIEWER"), List.of("acc"));
        for (int i = 1; i <= 5; i++) {
            Http.Answer wrong = client().post("/api/v1/auth/login", null, Map.of("username", "target",
                    "password", "Wrong-Password-" + i + "-xx"));
            // The fifth failure locks the user, and says so.
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(i < 5 ? 401 : 429);
        }
        Http.Answer locked = client().post("/api/v1/auth/login", null, Map.of("username", "target", "password",
                PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().path("type").asText()).endsWith("locked");
        assertThat(locked.header("Retry-After")).isNotNull();
    }

    @Test
    void loginsFromOneAddressAreThrottled() {
        Http from = client();
        for (int i = 0; i < 5; i++) {
            assertThat(from.post("/api/v1/auth/login", null, Map.of("username", "nobody-" + i, "password",
                    "Wrong-Password-xx-1")).status()).isEqualTo(401);
        }
        assertThat(from.post("/api/v1/auth/login", null, Map.of("username", "nobody-9", "password",
                "Wrong-Password-xx-1")).status()).isEqualTo(429);
    }

    // ------------------------------------------------------------------ risk, audit

    @Test
    void theKillSwitchHaltsAnAccountAndIsAudited() {
        String risk = user("risk-officer", List.of("RISK"), List.of("halt"));
        String trader = user("trader-halt", List.of("TRADER"), List.of("halt"));
        assertThat(client().post("/api/v1/risk/kill-switch", trader, Map.of("account", "halt", "reason", "x"))
                .status()).isEqualTo(403);
        Http.Answer killed = client().post("/api/v1/risk/kill-switch", risk, Map.of("account", "halt",
                "reason", "drill"));
        assertThat(killed.status()).as(killed.toString()).isEqualTo(200);
        assertThat(killed.json().path("accounts").path("halt").asText()).isEqualTo("HALTED");
        Http.Answer refused = client().post("/api/v1/orders", trader, order(HALT, "INFY", "BUY", 1));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("reasonCode").asText()).contains("HALT");
        Http.Answer reset = client().post("/api/v1/risk/kill-switch/reset", risk, Map.of("account", "halt",
                "reason", "drill over"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().path("accounts").path("halt").asText()).isEqualTo("ACTIVE");
        JsonNode audit = client().get("/api/v1/audit?actor=risk-officer", risk).json().path("items");
        assertThat(audit.findValuesAsText("action")).contains("risk.kill-switch", "risk.reset");
        assertThat(client().get("/api/v1/audit", trader).status()).isEqualTo(403);
    }

    @Test
    void riskLimitsAreReadByAnyoneOnTheAccountAndChangedByRiskOnly() {
        String risk = user("risk-limits", List.of("RISK"), List.of("other"));
        String trader = user("trader-limits", List.of("TRADER"), List.of("other"));
        JsonNode limits = client().get("/api/v1/risk/limits/other", trader).json();
        assertThat(limits.has("maxOrderQuantity")).isTrue();
        assertThat(client().send("PUT", "/api/v1/risk/limits/other", trader, Map.of("limits",
                Map.of("maxOrderQuantity", "7")), Map.of()).status()).isEqualTo(403);
        Http.Answer changed = client().send("PUT", "/api/v1/risk/limits/other", risk, Map.of("limits",
                Map.of("maxOrderQuantity", "7")), Map.of());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("maxOrderQuantity").asText()).isEqualTo("7");
        Http.Answer denied = client().post("/api/v1/orders", trader, order(OTHER, "INFY", "BUY", 8));
        assertThat(denied.status()).isEqualTo(422);
        assertThat(denied.json().path("attempted").asText()).isEqualTo("8");
        assertThat(client().send("PUT", "/api/v1/risk/limits/acc", risk, Map.of("limits",
                Map.of("maxOrderQuantity", "7")), Map.of()).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ bots, portfolio, market

    @Test
    void botsAreCreatedPausedResumedAndStopped() {
        String trader = user("bot-trader", List.of("TRADER"), List.of("other"));
        Http.Answer created = client().post("/api/v1/bots", trader, Map.of("id", "api-sma", "account", "other",
                "strategy", "sma-cross", "params", Map.of("fast", 2, "slow", 4, "qty", 1), "symbols",
                List.of("INFY"), "interval", "1m", "start", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(client().post("/api/v1/bots/api-sma/pause", trader, null).json().path("state").asText())
                .isEqualTo("PAUSED");
        assertThat(client().post("/api/v1/bots/api-sma/pause", trader, null).status()).isEqualTo(409);
        assertThat(client().post("/api/v1/bots/api-sma/resume", trader, null).json().path("state").asText())
                .isEqualTo("RUNNING");
        assertThat(client().post("/api/v1/bots/api-sma/stop", trader, null).json().path("state").asText())
                .isEqualTo("STOPPED");
        assertThat(client().post("/api/v1/bots", trader, Map.of("id", "api-bad", "account", "other",
                "strategy", "no-such", "symbols", List.of("INFY"))).status()).isEqualTo(400);
        String stranger = user("bot-stranger", List.of("TRADER"), List.of("acc"));
        assertThat(client().get("/api/v1/bots/api-sma", stranger).status()).isEqualTo(404);
        assertThat(client().post("/api/v1/bots/api-sma/start", stranger, null).status()).isEqualTo(404);
    }

    @Test
    void botListsPnlByBotDeletionStatesAndTheBacktestList() {
        String trader = user("bot-lister", List.of("TRADER"), List.of("halt"));
        assertThat(client().post("/api/v1/bots", trader, Map.of("id", "lister-rsi", "account", "halt", "strategy",
                "rsi-reversion", "params", Map.of("period", 3, "qty", 1), "symbols", List.of("INFY"))).status())
                .isEqualTo(201);
        assertThat(client().get("/api/v1/bots", trader).json().path("items").findValuesAsText("id"))
                .containsExactly("lister-rsi");
        JsonNode byBot = client().get("/api/v1/pnl/bots?account=halt", trader).json();
        assertThat(byBot.path("items").findValuesAsText("bot")).containsExactly("lister-rsi");
        assertThat(byBot.path("items").get(0).path("net").decimalValue()).isEqualByComparingTo("0");
        assertThat(client().get("/api/v1/pnl/bots?account=acc", trader).status()).isEqualTo(404);
        assertThat(client().post("/api/v1/bots/lister-rsi/start", trader, null).json().path("state").asText())
                .isEqualTo("RUNNING");
        Http.Answer deleted = client().send("DELETE", "/api/v1/bots/lister-rsi", trader, null, Map.of());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(client().get("/api/v1/bots/lister-rsi", trader).status()).isEqualTo(404);
        assertThat(client().get("/api/v1/bots", trader).json().path("items")).isEmpty();
        JsonNode states = client().get("/api/v1/risk/states", trader).json();
        assertThat(states.path("global").asText()).isEqualTo("ACTIVE");
        assertThat(states.path("accounts").has("halt")).isTrue();
        assertThat(states.path("accounts").has("acc")).isFalse();
        assertThat(client().get("/api/v1/backtests", trader).json().path("items").isArray()).isTrue();
        assertThat(client().get("/api/docs.css", null).header("Content-Type")).startsWith("text/css");
    }

    @Test
    void aBrowserSessionRefreshesThroughItsCookieAndCsrfToken() {
        user("cookie-refresher", List.of("VIEWER"), List.of("acc"));
        Http from = client();
        Http.Answer login = from.post("/api/v1/auth/login", null, Map.of("username", "cookie-refresher", "password",
                PASSWORD, "cookies", true));
        String cookies = String.join("; ", login.response().headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
        String csrf = login.json().path("csrfToken").asText();
        assertThat(from.send("POST", "/api/v1/auth/refresh", null, Map.of(), Map.of("Cookie", cookies)).status())
                .isEqualTo(403);
        Http.Answer refreshed = from.send("POST", "/api/v1/auth/refresh", null, Map.of(), Map.of("Cookie", cookies,
                "X-CSRF-Token", csrf));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.response().headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("qd_refresh=")
                && c.contains("Path=/api/v1/auth") && c.contains("HttpOnly"));
    }

    @Test
    void anAdministratorResetsAUsersSecondFactor() {
        user("second-factor", List.of("VIEWER"), List.of("acc"));
        String token = login(client(), "second-factor").path("accessToken").asText();
        String secret = client().post("/api/v1/auth/totp/enrol", token, Map.of()).json().path("secret").asText();
        assertThat(client().post("/api/v1/auth/totp/confirm", token, Map.of("code", new Totp(InstantSource.system())
                .codeAt(secret, Instant.now()))).status()).isEqualTo(204);
        assertThat(client().post("/api/v1/auth/login", null, Map.of("username", "second-factor", "password",
                PASSWORD)).status()).isEqualTo(401);
        Http.Answer reset = client().post("/api/v1/users/second-factor/totp/reset", admin, null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().path("totpEnabled").asBoolean()).isFalse();
        assertThat(login(client(), "second-factor").path("accessToken").asText()).isNotBlank();
    }

    @Test
    void portfolioQuotesBarsAndInstrumentsAreServed() {
        String viewer = user("market-viewer", List.of("VIEWER"), List.of("acc"));
        JsonNode portfolio = client().get("/api/v1/portfolio", viewer).json().path("items");
        assertThat(accounts(portfolio)).containsExactly("acc");
        assertThat(portfolio.get(0).path("initialCash").decimalValue()).isEqualByComparingTo("1000000.00");
        assertThat(portfolio.get(0).has("day")).isTrue();
        assertThat(client().get("/api/v1/instruments", viewer).json().path("items").findValuesAsText("symbol"))
                .containsExactlyInAnyOrder("INFY", "RELIANCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> client().get("/api/v1/quotes?symbols=INFY", viewer)
                .json().path("items").size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> client().get("/api/v1/bars/INFY?interval=1m&limit=5",
                viewer).json().path("items").size() == 5);
        assertThat(client().get("/api/v1/bars/NOSUCH", viewer).status()).isEqualTo(404);
        assertThat(client().get("/api/v1/quotes?symbols=NOSUCH", viewer).status()).isEqualTo(400);
        assertThat(client().get("/api/v1/pnl/daily?account=acc", viewer).status()).isEqualTo(200);
        assertThat(client().get("/api/v1/pnl/daily?account=other", viewer).status()).isEqualTo(404);
        assertThat(client().get("/api/v1/strategies", viewer).json().path("items").findValuesAsText("name"))
                .contains("sma-cross", "rsi-reversion");
    }

    @Test
    void aBacktestRunsAsAJobAndServesItsResultAndReport() {
        String trader = user("backtester", List.of("TRADER"), List.of("acc"));
        Http.Answer started = client().post("/api/v1/backtests", trader, Map.of("strategy", "sma-cross",
                "params", Map.of("fast", 5, "slow", 20, "qty", 10), "symbols", List.of("RELIANCE"),
                "from", "2024-01-01", "to", "2024-06-30"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> client().get("/api/v1/backtests/" + id, trader).json()
                .path("state").asText().equals("DONE"));
        Http.Answer result = client().get("/api/v1/backtests/" + id + "/result", trader);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().isObject()).isTrue();
        Http.Answer report = client().get("/api/v1/backtests/" + id + "/report", trader);
        assertThat(report.header("Content-Type")).startsWith("text/html");
        String other = user("backtest-other", List.of("TRADER"), List.of("acc"));
        assertThat(client().get("/api/v1/backtests/" + id, other).status()).isEqualTo(404);
        assertThat(client().post("/api/v1/backtests", trader, Map.of("strategy", "sma-cross", "symbols",
                List.of("RELIANCE"), "from", "2024-06-30", "to", "2024-01-01")).status()).isEqualTo(400);
    }
}
