package com.quantdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.http.AddressRange;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/admin/preflight} over real HTTP against a running paper process: ADMIN only, and
 * each drill an operator does (limits chosen, an alert channel tested, the kill switch thrown) turns its
 * warning into a pass.
 */
class PreflightApiTest {

    @TempDir
    static Path dir;

    static PaperRuntime runtime;
    static ApiServer server;
    static Http http;
    static String admin;
    static HttpServer receiver;

    @BeforeAll
    static void start() throws Exception {
        runtime = ApiTests.runtime(dir, List.of("INFY"), "acc");
        ServerConfig config = ServerConfig.defaults(dir).withTrustedProxies(List.of(AddressRange.parse("127.0.0.1/32")))
                .withAddress("127.0.0.1", 0);
        server = ApiTests.server(config, runtime, ApiTests.NO_BACKTESTS);
        http = new Http(URI.create("http://127.0.0.1:" + server.port()), "198.51.100.9");
        admin = ApiTests.withSecondFactor(http, "admin", ApiTests.ADMIN_PASSWORD);
        receiver = ApiTests.receiver(body -> { });
    }

    @AfterAll
    static void stop() {
        ApiTests.stop(receiver, server, runtime);
    }

    @Test
    void onlyAnAdministratorMayRunIt() {
        String trader = ApiTests.user(http, admin, "preflight-trader", List.of("TRADER"), List.of("acc"));
        assertThat(http.get("/api/v1/admin/preflight", trader).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/admin/preflight", null).status()).isEqualTo(401);
    }

    @Test
    void drillsTurnWarningsIntoPasses() {
        Map<String, String> before = verdicts(preflight());
        assertThat(before).containsEntry("database.reachable", "PASS").containsEntry("database.migrated", "PASS")
                .containsEntry("journal.chain", "PASS").containsEntry("security.exposure", "PASS")
                .containsEntry("security.cors", "PASS").containsEntry("security.secrets.server-key", "PASS")
                .containsEntry("security.secrets.jwt-key", "PASS").containsEntry("security.secrets.journal-key", "PASS")
                .containsEntry("redis", "PASS").containsEntry("backups.configured", "WARN")
                .containsEntry("alerts.channel", "WARN").containsEntry("alerts.test-delivered", "WARN")
                .containsEntry("risk.kill-switch", "WARN").containsEntry("risk.limits.acc", "WARN")
                .containsEntry("host.permissions." + dir, "PASS");
        JsonNode report = preflight();
        assertThat(report.path("mode").asText()).isEqualTo("paper");
        assertThat(report.path("verdict").asText()).isEqualTo("WARN");
        assertThat(report.path("reminders").findValuesAsText("runbook"))
                .hasSize(8).allMatch(link -> link.startsWith("docs/runbooks/go-live-reminders.md#"));
        for (JsonNode finding : report.path("findings")) {
            if (!finding.path("verdict").asText().equals("PASS")) {
                assertThat(finding.path("fix").asText()).as(finding.toString()).isNotBlank();
            }
        }

        Http.Answer limits = http.send("PUT", "/api/v1/risk/limits/acc", admin, Map.of("limits", Map.of(
                "maxDailyLoss", "25000", "maxRiskPerTradeBps", "100", "maxOpenPositions", "5")), Map.of());
        assertThat(limits.status()).as(limits.toString()).isEqualTo(200);
        Http.Answer channel = http.post("/api/v1/notifications/channels", admin, Map.of("name", "ops", "kind",
                "webhook", "settings", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/qd"),
                "secret", "whsec-preflight-0123456789"));
        assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
        Http.Answer test = http.post("/api/v1/notifications/channels/" + channel.json().path("id").asText()
                + "/test", admin, Map.of());
        assertThat(test.json().path("delivered").asBoolean()).as(test.toString()).isTrue();
        String risk = ApiTests.user(http, admin, "preflight-risk", List.of("RISK"), List.of("acc"));
        assertThat(http.post("/api/v1/risk/kill-switch", risk, Map.of("account", "acc", "reason", "drill"))
                .status()).isEqualTo(200);
        assertThat(http.post("/api/v1/risk/kill-switch/reset", risk, Map.of("account", "acc", "reason", "drill"))
                .status()).isEqualTo(200);

        Map<String, String> after = verdicts(preflight());
        assertThat(after).containsEntry("risk.limits.acc", "PASS").containsEntry("alerts.channel", "PASS")
                .containsEntry("alerts.test-delivered", "PASS").containsEntry("risk.kill-switch", "PASS")
                .containsEntry("journal.chain", "PASS").containsEntry("backups.configured", "WARN");
        assertThat(preflight().path("findings").findValuesAsText("reason").toString())
                .contains("daily loss ₹25000.00, risk per trade 100 bps, at most 5 positions");
    }

    private static JsonNode preflight() {
        Http.Answer answer = http.get("/api/v1/admin/preflight", admin);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static Map<String, String> verdicts(JsonNode report) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (JsonNode finding : report.path("findings")) {
            verdicts.put(finding.path("id").asText(), finding.path("verdict").asText());
        }
        return verdicts;
    }
}
