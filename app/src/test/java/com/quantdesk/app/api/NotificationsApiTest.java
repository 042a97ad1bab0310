package com.quantdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.http.AddressRange;
import com.quantdesk.server.notify.Notification;
import com.quantdesk.server.trading.Alerts;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notification routes over real HTTP in front of a real server on SQLite, with a webhook receiver on loopback. */
class NotificationsApiTest {

    static final String SECRET = "whsec-api-test-0123456789";

    @TempDir
    static Path dir;

    static PaperRuntime runtime;
    static ApiServer server;
    static Http http;
    static String admin;
    static HttpServer receiver;
    static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        runtime = ApiTests.runtime(dir, List.of("INFY"), "acc", "other");
        ServerConfig config = ServerConfig.defaults(dir).withTrustedProxies(List.of(AddressRange.parse("127.0.0.1/32")))
                .withAddress("127.0.0.1", 0);
        server = ApiTests.server(config, runtime, ApiTests.NO_BACKTESTS);
        http = new Http(URI.create("http://127.0.0.1:" + server.port()), "198.51.100.7");
        admin = ApiTests.withSecondFactor(http, "admin", ApiTests.ADMIN_PASSWORD);
        receiver = ApiTests.receiver(received::add);
    }

    @AfterAll
    static void stop() {
        ApiTests.stop(receiver, server, runtime);
    }

    static String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/qd";
    }

    @Test
    void channelsAreValidatedKeptSecretTestedSubscribedToAndAudited() {
        Http.Answer invalid = http.post("/api/v1/notifications/channels", admin, Map.of("name", "ops", "kind",
                "webhook", "settings", Map.of("url", "http://example.com/hook"), "secret", "short"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "settings.url", "secret");
        Http.Answer unknownKind = http.post("/api/v1/notifications/channels", admin, Map.of("name", "x", "kind",
                "pager"));
        assertThat(unknownKind.json().path("errors").findValuesAsText("field")).containsExactly("kind");

        Http.Answer created = http.post("/api/v1/notifications/channels", admin, Map.of("name", "ops", "kind",
                "webhook", "settings", Map.of("url", hookUrl()), "secret", SECRET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(SECRET);
        String id = created.json().path("id").asText();
        Http.Answer listed = http.get("/api/v1/notifications/channels", admin);
        assertThat(listed.body()).doesNotContain(SECRET);
        assertThat(listed.json().path("items").findValuesAsText("id")).contains(id);

        String trader = ApiTests.user(http, admin, "notify-trader", List.of("TRADER"), List.of("acc"));
        assertThat(http.get("/api/v1/notifications/channels", trader).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/notifications/channels/" + id + "/test", trader, Map.of()).status())
                .isEqualTo(403);
        JsonNode mine = http.get("/api/v1/notifications/subscriptions", trader).json();
        assertThat(mine.path("items").size()).isZero();
        assertThat(mine.path("channels").findValuesAsText("id")).contains(id);
        assertThat(mine.toString()).doesNotContain(SECRET);

        Http.Answer notGranted = http.send("PUT", "/api/v1/notifications/subscriptions", trader, Map.of(
                "subscriptions", List.of(Map.of("channel", id, "minSeverity", "warning", "accounts",
                        List.of("other")))), Map.of());
        assertThat(notGranted.status()).as(notGranted.toString()).isEqualTo(400);
        assertThat(notGranted.json().path("errors").findValuesAsText("field"))
                .containsExactly("subscriptions[0].accounts");
        Http.Answer subscribed = http.send("PUT", "/api/v1/notifications/subscriptions", trader, Map.of(
                "subscriptions", List.of(Map.of("channel", id, "minSeverity", "warning", "accounts", "all"))),
                Map.of());
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(200);
        assertThat(subscribed.json().path("items").get(0).path("minSeverity").asText()).isEqualTo("warning");

        server.notifier().publish(new Notification("acc:loss:api", Alerts.Severity.CRITICAL, "acc",
                "RISK_MAX_DAILY_LOSS", "Daily loss limit hit", "daily loss 5,000.00 exceeds 4,000.00", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(b -> b.contains("acc:loss:api")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(http.get(
                "/api/v1/notifications/deliveries?channel=" + id, admin).json().path("items").get(0).path("status")
                .asText()));

        Http.Answer test = http.post("/api/v1/notifications/channels/" + id + "/test", admin, Map.of());
        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        assertThat(test.json().path("delivered").asBoolean()).isTrue();
        assertThat(server.notifier().lastTestDelivered()).isPresent();
        JsonNode deliveries = http.get("/api/v1/notifications/deliveries", admin).json().path("items");
        assertThat(deliveries.get(0).path("test").asBoolean()).isTrue();
        assertThat(deliveries.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(deliveries.findValuesAsText("key")).contains("acc:loss:api");

        assertThat(http.send("DELETE", "/api/v1/notifications/channels/" + id, admin, null, Map.of()).status())
                .isEqualTo(204);
        assertThat(http.send("DELETE", "/api/v1/notifications/channels/" + id, admin, null, Map.of()).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/notifications/subscriptions", trader).json().path("items").size()).isZero();

        JsonNode audit = http.get("/api/v1/audit?action=notification.", admin).json().path("items");
        assertThat(audit.findValuesAsText("action")).contains("notification.channel.create",
                "notification.channel.test", "notification.subscriptions.set", "notification.channel.delete");
        assertThat(audit.toString()).doesNotContain(SECRET);
    }
}
