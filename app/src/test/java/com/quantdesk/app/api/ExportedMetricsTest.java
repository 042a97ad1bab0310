package com.quantdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.app.Compositions;
import com.quantdesk.app.ops.OpsMetricNames;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the alert rules and the Grafana dashboards read is in the /metrics of a paper process
 * composed as {@code quantdesk paper} composes it, once it has done what makes each series appear (a
 * bot, a fill, a risk denial, a risk alert, a notification). The broker's and Kite's
 * series, which only a live process has, are checked on a live process by {@code LiveTradingIT}.
 */
class ExportedMetricsTest {

    /**
     * Venue rejections by reason: the paper venue refuses only what the risk engine refuses first (tick,
     * lot, band), so a paper process never makes this series; the rules read it for live trading.
     */
    static final Set<String> NO_PAPER_EVENT = Set.of("quantdesk_orders_rejected_total");

    @TempDir
    static Path dir;
    static PaperRuntime runtime;
    static ApiServer server;
    static Http http;
    static HttpServer receiver;

    @BeforeAll
    static void start() throws Exception {
        runtime = ApiTests.runtime(dir, List.of("INFY", "TCS"), "acc");
        server = ApiServer.start(ServerConfig.defaults(dir).withAddress("127.0.0.1", 0), Compositions.paper(runtime),
                ApiTests.NO_BACKTESTS, StrategyCatalog.builtIns(), InstantSource.system(), "test",
                Optional.of(ApiTests.ADMIN_PASSWORD), Optional.empty(), Optional.empty());
        http = new Http(URI.create("http://127.0.0.1:" + server.port()), null);
        receiver = ApiTests.receiver(body -> { });
    }

    @AfterAll
    static void stop() {
        ApiTests.stop(receiver, server, runtime);
    }

    @Test
    void everyMetricTheOpsFilesReadIsExported() {
        String admin = ApiTests.withSecondFactor(http, "admin", ApiTests.ADMIN_PASSWORD);
        String risk = ApiTests.user(http, admin, "metrics-risk", List.of("RISK", "TRADER"), List.of("acc"));
        assertThat(http.post("/api/v1/bots", admin, Map.of("id", "metrics-sma", "account", "acc", "strategy",
                "sma-cross", "params", Map.of("fast", 2, "slow", 4, "qty", 1), "symbols", List.of("INFY")))
                .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/orders", risk, HttpApiTest.order(HttpApiTest.ACC, "INFY", "BUY", 1))
                .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/orders", risk, HttpApiTest.order(HttpApiTest.ACC, "INFY", "BUY", 9_000_000))
                .status()).isEqualTo(422);
        Http.Answer channel = http.post("/api/v1/notifications/channels", admin, Map.of("name", "ops", "kind",
                "webhook", "settings", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/qd"),
                "secret", "whsec-metrics-0123456789"));
        assertThat(http.post("/api/v1/notifications/channels/" + channel.json().path("id").asText() + "/test", admin,
                Map.of()).json().path("delivered").asBoolean()).isTrue();
        assertThat(http.post("/api/v1/risk/kill-switch", risk, Map.of("account", "acc", "reason", "metrics drill"))
                .status()).isEqualTo(200);

        SortedSet<String> wanted = new TreeSet<>(OpsMetricNames.inOps());
        // Prometheus records up itself; the live-only series are LiveTradingIT's.
        wanted.removeIf(name -> name.equals("up") || OpsMetricNames.liveOnly(name) || NO_PAPER_EVENT.contains(name));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            SortedSet<String> missing = new TreeSet<>(wanted);
            missing.removeAll(exported(admin));
            assertThat(missing).as("read by ops/ but not at /metrics").isEmpty();
        });
    }

    /** The series names of one scrape of /metrics. */
    static Set<String> exported(String admin) {
        Http.Answer metrics = http.get("/metrics", admin);
        assertThat(metrics.status()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        metrics.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }
}
