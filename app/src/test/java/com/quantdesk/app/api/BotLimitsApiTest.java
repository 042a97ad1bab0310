package com.quantdesk.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.risk.BotLimits;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.http.AddressRange;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot's own risk limits over real HTTP, in front of a real paper runtime: read by anyone who sees
 * the bot's account, changed by RISK or ADMIN only, every change audited in the journal step that
 * makes it, bad keys named, and bots of other accounts not found.
 */
class BotLimitsApiTest {

    private static final String PASSWORD = ApiTests.PASSWORD;
    private static final String BOT = "capped";
    private static final String PATH = "/api/v1/risk/limits/acc/bots/" + BOT;
    private static final Map<String, String> NONE = Map.of("maxOrderQuantity", "0", "maxOrderValue", "0.00",
            "maxPositionValue", "0.00", "maxTradesPerDay", "0");

    @TempDir
    static Path dir;

    static PaperRuntime runtime;
    static ApiServer server;
    static Http http;
    static String admin;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @BeforeAll
    static void start() {
        runtime = ApiTests.runtime(dir, List.of("INFY"), "acc", "other");
        ServerConfig config = ServerConfig.defaults(dir).withTrustedProxies(List.of(AddressRange.parse(
                "127.0.0.1/32"))).withAddress("127.0.0.1", 0);
        server = ApiTests.server(config, runtime, ApiTests.NO_BACKTESTS);
        http = new Http(URI.create("http://127.0.0.1:" + server.port()), "198.51.100.2");
        admin = withSecondFactor("admin", ApiTests.ADMIN_PASSWORD);
        for (String[] bot : new String[][] {{BOT, "acc"}, {"elsewhere", "other"}, {"gone", "acc"}}) {
            Http.Answer created = client().post("/api/v1/bots", admin, Map.of("id", bot[0], "account", bot[1],
                    "strategy", "sma-cross", "params", Map.of("fast", 2, "slow", 4, "qty", 1), "symbols",
                    List.of("INFY")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        assertThat(client().send("DELETE", "/api/v1/bots/gone", admin, null, Map.of()).status()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        ApiTests.stop(server, runtime);
    }

    /** A new client address, so per-address limits start afresh. */
    static Http client() {
        return http.from("203.0.113." + ADDRESSES.incrementAndGet());
    }

    /** Creates a user and signs them in (an ADMIN through the second factor it must enrol). */
    static String user(String name, List<String> roles, List<String> accounts) {
        if (roles.contains("ADMIN")) {
            Http.Answer created = client().post("/api/v1/users", admin, Map.of("username", name, "password",
                    PASSWORD, "roles", roles, "accounts", accounts));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return withSecondFactor(name, PASSWORD);
        }
        return ApiTests.user(client(), admin, name, roles, accounts);
    }

    /** Signs in a user who holds ADMIN: enrols a second factor, then signs in again with a fresh code. */
    static String withSecondFactor(String name, String password) {
        return ApiTests.withSecondFactor(client(), name, password);
    }

    static Http.Answer put(String path, String token, Object limits) {
        return client().send("PUT", path, token, Map.of("limits", limits), Map.of());
    }

    static Map<String, String> map(JsonNode json) {
        Map<String, String> map = new TreeMap<>();
        json.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asText()));
        return map;
    }

    static Map<String, String> limits(String... changed) {
        Map<String, String> map = new TreeMap<>(NONE);
        for (int i = 0; i < changed.length; i += 2) {
            map.put(changed[i], changed[i + 1]);
        }
        return map;
    }

    static BotLimits engineLimits() throws Exception {
        return runtime.loop().call(e -> runtime.risk().botLimits(BotId.of(BOT))).get(10, TimeUnit.SECONDS);
    }

    /** The audit entries of bot-limit changes on {@code bot}, oldest first, as the auditor reads them. */
    static List<JsonNode> audited(String reader, String bot) {
        List<JsonNode> entries = new java.util.ArrayList<>();
        client().get("/api/v1/audit?action=risk.bot-limits", reader).json().path("items").forEach(item -> {
            if (item.path("target").asText().equals(bot)) {
                entries.addFirst(item);
            }
        });
        return entries;
    }

    @Test
    void riskOrAdminChangesABotsLimitsAnyoneOnTheAccountReadsThemAndEveryChangeIsAudited() throws Exception {
        String risk = user("risk-bots", List.of("RISK"), List.of("acc"));
        String chief = user("admin-bots", List.of("ADMIN"), List.of("acc"));
        String trader = user("trader-bots", List.of("TRADER"), List.of("acc"));
        String viewer = user("viewer-bots", List.of("VIEWER"), List.of("acc"));

        Http.Answer before = client().get(PATH, viewer);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(map(before.json())).isEqualTo(NONE);

        Http.Answer forbidden = put(PATH, trader, Map.of("maxOrderQuantity", "5"));
        assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
        assertThat(engineLimits()).isEqualTo(BotLimits.NONE);

        Http.Answer changed = put(PATH, risk, Map.of("maxOrderQuantity", "5", "maxOrderValue", "2500.5"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(map(changed.json())).isEqualTo(limits("maxOrderQuantity", "5", "maxOrderValue", "2500.50"));
        assertThat(map(client().get(PATH, trader).json())).isEqualTo(map(changed.json()));
        assertThat(engineLimits()).isEqualTo(new BotLimits(5, 2_500_50, 0, 0));

        Http.Answer byAdmin = put(PATH, chief, Map.of("maxOrderQuantity", 0, "maxTradesPerDay", 12));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(map(byAdmin.json())).isEqualTo(limits("maxOrderValue", "2500.50", "maxTradesPerDay", "12"));
        assertThat(engineLimits()).isEqualTo(new BotLimits(0, 2_500_50, 0, 12));

        List<JsonNode> entries = audited(risk, BOT).stream()
                .filter(e -> List.of("risk-bots", "admin-bots").contains(e.path("actor").asText())).toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.getFirst().path("actor").asText()).isEqualTo("risk-bots");
        assertThat(entries.getFirst().path("roles").asText()).isEqualTo("RISK");
        assertThat(entries.getFirst().path("account").asText()).isEqualTo("acc");
        assertThat(entries.getFirst().path("action").asText()).isEqualTo("risk.bot-limits");
        assertThat(entries.getFirst().path("outcome").asText()).isEqualTo("ok");
        assertThat(entries.getFirst().path("detail").asText()).isEqualTo("{maxOrderQuantity=5, maxOrderValue=2500.5}");
        assertThat(entries.getFirst().path("ip").asText()).startsWith("203.0.113.");
        assertThat(entries.getFirst().path("correlationId").asText()).isEqualTo(changed.header("X-Correlation-Id"));
        assertThat(entries.get(1).path("actor").asText()).isEqualTo("admin-bots");
        assertThat(entries.get(1).path("detail").asText()).isEqualTo("{maxOrderQuantity=0, maxTradesPerDay=12}");
        assertThat(entries.get(1).path("correlationId").asText()).isEqualTo(byAdmin.header("X-Correlation-Id"));
    }

    @Test
    void badKeysAndValuesAreRefusedNamingEachKeyChangeNothingAndAreAudited() throws Exception {
        String risk = user("risk-typos", List.of("RISK"), List.of("acc"));
        Map<String, String> was = map(client().get(PATH, risk).json());
        BotLimits engineWas = engineLimits();

        Http.Answer refused = put(PATH, risk, Map.of("maxOrderQty", "5", "maxOrderValue", "100.005",
                "maxTradesPerDay", "3"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = refused.json().path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("limits.maxOrderQty", "limits.maxOrderValue");
        assertThat(errors.findValuesAsText("message")).containsExactly("unknown bot limit 'maxOrderQty'",
                "bot limit maxOrderValue='100.005' has more than two decimals (rupees to the paisa)");
        assertThat(refused.json().path("detail").asText()).isEqualTo("unknown bot limit 'maxOrderQty'");
        assertThat(map(client().get(PATH, risk).json())).isEqualTo(was);
        assertThat(engineLimits()).isEqualTo(engineWas);

        Http.Answer negative = put(PATH, risk, Map.of("maxPositionValue", "-1"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().path("errors").findValuesAsText("field")).containsExactly("limits.maxPositionValue");
        assertThat(put(PATH, risk, Map.of()).json().path("errors").findValuesAsText("field"))
                .containsExactly("limits");
        Http.Answer extra = client().send("PUT", PATH, risk, Map.of("limits", Map.of("maxOrderQuantity", "1"),
                "bot", BOT), Map.of());
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().path("errors").findValuesAsText("field")).containsExactly("bot");

        List<JsonNode> entries = audited(risk, BOT).stream()
                .filter(e -> e.path("actor").asText().equals("risk-typos")).toList();
        assertThat(entries).extracting(e -> e.path("outcome").asText())
                .containsExactly("refused RISK_INVALID_CONFIG", "refused RISK_INVALID_CONFIG");
        assertThat(entries.getFirst().path("correlationId").asText()).isEqualTo(refused.header("X-Correlation-Id"));
    }

    @Test
    void aBotThatIsNotOnTheAccountIsNotFound() {
        String risk = user("risk-both", List.of("RISK"), List.of("acc", "other"));
        String stranger = user("trader-other", List.of("TRADER"), List.of("other"));
        assertThat(client().get("/api/v1/risk/limits/other/bots/elsewhere", risk).status()).isEqualTo(200);
        for (String path : List.of("/api/v1/risk/limits/other/bots/" + BOT, "/api/v1/risk/limits/acc/bots/elsewhere",
                "/api/v1/risk/limits/acc/bots/nobody", "/api/v1/risk/limits/acc/bots/gone",
                "/api/v1/risk/limits/nowhere/bots/" + BOT, "/api/v1/risk/limits/acc/bots/no%20such")) {
            assertThat(client().get(path, risk).status()).as("GET " + path).isEqualTo(404);
            assertThat(put(path, risk, Map.of("maxOrderQuantity", "1")).status()).as("PUT " + path).isEqualTo(404);
        }
        assertThat(client().get(PATH, stranger).status()).isEqualTo(404);
        assertThat(audited(risk, "elsewhere")).isEmpty();
    }
}
