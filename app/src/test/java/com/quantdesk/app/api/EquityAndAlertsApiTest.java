package com.quantdesk.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.http.AddressRange;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Equity curves and recent alerts over real HTTP in front of a paper runtime whose clock runs 600
 * times faster than the wall clock: a market minute passes every 100 ms, so the curves fill in
 * seconds. Nothing trades, so every account's equity stays its opening ₹10 lakh and every bot's net
 * P&amp;L stays zero; the assertions are exact whatever minute or day the market clock has reached.
 */
class EquityAndAlertsApiTest {

    static final BigDecimal OPENING = new BigDecimal("1000000.00");

    @TempDir
    static Path dir;

    static PaperRuntime runtime;
    static ApiServer server;
    static Http http;
    static String admin;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @BeforeAll
    static void start() {
        runtime = ApiTests.runtime(dir, List.of("INFY"), "acc", "other", "halt");
        ServerConfig config = ServerConfig.defaults(dir).withTrustedProxies(List.of(AddressRange.parse(
                "127.0.0.1/32"))).withAddress("127.0.0.1", 0);
        server = ApiTests.server(config, runtime, ApiTests.NO_BACKTESTS);
        http = new Http(URI.create("http://127.0.0.1:" + server.port()), "198.51.100.7");
        admin = ApiTests.withSecondFactor(http, "admin", ApiTests.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        ApiTests.stop(server, runtime);
    }

    /** A new client address, so per-address limits start afresh. */
    static Http client() {
        return http.from("203.0.113." + ADDRESSES.incrementAndGet());
    }

    static String user(String name, List<String> roles, List<String> accounts) {
        return ApiTests.user(client(), admin, name, roles, accounts);
    }

    /** The first field error of a problem answer. */
    static String field(Http.Answer problem) {
        return problem.json().path("errors").get(0).path("field").asText();
    }

    /** Waits for a curve with at least {@code points} points and returns it. */
    static JsonNode curve(String path, String token, int points) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> client().get(path, token).json(),
                answer -> answer.path("items").size() >= points);
    }

    static List<Instant> times(JsonNode items) {
        List<Instant> times = new ArrayList<>();
        items.forEach(item -> times.add(Instant.parse(item.path("time").asText())));
        return times;
    }

    static List<BigDecimal> values(JsonNode items, String field) {
        List<BigDecimal> values = new ArrayList<>();
        items.forEach(item -> values.add(new BigDecimal(item.path(field).asText())));
        return values;
    }

    /** Oldest first, one sample per market minute, then the latest value, all on one trade date. */
    static void assertOneDaysMinuteSamples(List<Instant> times) {
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isAfter(times.get(i - 1));
            assertThat(MarketTime.tradeDate(times.get(i))).isEqualTo(MarketTime.tradeDate(times.get(0)));
        }
        for (int i = 1; i < times.size() - 1; i++) {
            assertThat(times.get(i).getEpochSecond() / 60).isGreaterThan(times.get(i - 1).getEpochSecond() / 60);
        }
    }

    @Test
    void anAccountsEquityCurveHasOneSamplePerMarketMinuteAndEndsWithTheLatestValue() {
        String viewer = user("curve-viewer", List.of("VIEWER"), List.of("acc"));

        JsonNode day = curve("/api/v1/equity?account=acc", viewer, 4);

        assertThat(day.path("account").asText()).isEqualTo("acc");
        assertThat(day.path("range").asText()).isEqualTo("day");
        assertThat(values(day.path("items"), "equity")).allSatisfy(v -> assertThat(v).isEqualByComparingTo(OPENING));
        assertOneDaysMinuteSamples(times(day.path("items")));
        JsonNode all = client().get("/api/v1/equity?account=acc&range=all", viewer).json();
        assertThat(all.path("range").asText()).isEqualTo("all");
        assertThat(all.path("items").size()).isPositive();
        assertThat(values(all.path("items"), "equity")).allSatisfy(v -> assertThat(v).isEqualByComparingTo(OPENING));
        List<Instant> days = times(all.path("items"));
        for (int i = 1; i < days.size(); i++) {
            assertThat(MarketTime.tradeDate(days.get(i))).isAfter(MarketTime.tradeDate(days.get(i - 1)));
        }
    }

    @Test
    void anEquityCurveIsOnlyForTheAccountsUsersAndNamesAFieldAtFault() {
        String stranger = user("curve-stranger", List.of("VIEWER"), List.of("other"));

        assertThat(client().get("/api/v1/equity?account=acc", stranger).status()).isEqualTo(404);
        assertThat(client().get("/api/v1/equity?account=nobody", stranger).status()).isEqualTo(404);
        assertThat(client().get("/api/v1/equity?account=acc", null).status()).isEqualTo(401);
        Http.Answer noAccount = client().get("/api/v1/equity", stranger);
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(field(noAccount)).isEqualTo("account");
        Http.Answer badRange = client().get("/api/v1/equity?account=other&range=week", stranger);
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(field(badRange)).isEqualTo("range");
    }

    @Test
    void aBotsCurveIsItsNetPnlForItsAccountsUsersOnly() {
        String trader = user("curve-trader", List.of("TRADER"), List.of("other"));
        Http.Answer created = client().post("/api/v1/bots", trader, Map.of("id", "curve-sma", "account", "other",
                "strategy", "sma-cross", "params", Map.of("fast", 2, "slow", 4, "qty", 1), "symbols",
                List.of("INFY"), "interval", "1m"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode day = curve("/api/v1/bots/curve-sma/equity", trader, 3);

        assertThat(day.path("bot").asText()).isEqualTo("curve-sma");
        assertThat(day.path("account").asText()).isEqualTo("other");
        assertThat(day.path("range").asText()).isEqualTo("day");
        assertThat(values(day.path("items"), "net")).allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
        assertOneDaysMinuteSamples(times(day.path("items")));
        JsonNode all = client().get("/api/v1/bots/curve-sma/equity?range=all", trader).json();
        assertThat(values(all.path("items"), "net")).isNotEmpty()
                .allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
        String stranger = user("curve-bot-stranger", List.of("TRADER"), List.of("acc"));
        assertThat(client().get("/api/v1/bots/curve-sma/equity", stranger).status()).isEqualTo(404);
        Http.Answer badRange = client().get("/api/v1/bots/curve-sma/equity?range=year", trader);
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(field(badRange)).isEqualTo("range");
    }

    @Test
    void alertsShowAKillSwitchAndItsResetNewestFirstToTheAccountsUsersOnly() {
        String risk = user("alerts-risk", List.of("RISK"), List.of("halt"));
        String viewer = user("alerts-viewer", List.of("VIEWER"), List.of("halt"));
        String stranger = user("alerts-stranger", List.of("VIEWER"), List.of("acc"));
        assertThat(client().post("/api/v1/risk/kill-switch", risk, Map.of("account", "halt", "reason", "drill"))
                .status()).isEqualTo(200);
        assertThat(client().post("/api/v1/risk/kill-switch/reset", risk, Map.of("account", "halt", "reason",
                "drill over")).status()).isEqualTo(200);

        JsonNode items = client().get("/api/v1/alerts?account=halt", viewer).json().path("items");

        assertThat(items.size()).isEqualTo(3);
        assertThat(items.findValuesAsText("code")).containsExactly("TRADING_ACTIVE", "KILL_SWITCH", "TRADING_HALTED");
        assertThat(items.findValuesAsText("severity")).containsExactly("info", "critical", "critical");
        assertThat(items.findValuesAsText("message")).containsExactly(
                "HALTED -> ACTIVE: reset: drill over (by alerts-risk)", "kill switch by alerts-risk: drill",
                "ACTIVE -> HALTED: kill switch: drill (by alerts-risk)");
        assertThat(items.findValuesAsText("account")).containsOnly("halt");
        items.forEach(item -> assertThat(item.path("bot").isNull()).isTrue());
        long newest = items.get(0).path("seq").asLong();
        assertThat(items.get(1).path("seq").asLong()).isLessThan(newest);
        assertThat(items.get(2).path("seq").asLong()).isLessThan(items.get(1).path("seq").asLong());
        assertThat(client().get("/api/v1/alerts?account=halt&limit=1", viewer).json().path("items")
                .findValuesAsText("seq")).containsExactly(Long.toString(newest));
        assertThat(client().get("/api/v1/alerts", viewer).json().path("items").findValuesAsText("code"))
                .contains("TRADING_ACTIVE", "KILL_SWITCH", "TRADING_HALTED");
        // Someone on another account sees none of it, and asking for it is asking for nothing they have.
        assertThat(client().get("/api/v1/alerts", stranger).json().path("items").findValuesAsText("account"))
                .doesNotContain("halt");
        assertThat(client().get("/api/v1/alerts?account=halt", stranger).status()).isEqualTo(404);
        Http.Answer badLimit = client().get("/api/v1/alerts?limit=501", viewer);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(field(badLimit)).isEqualTo("limit");
    }
}
