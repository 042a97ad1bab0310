package com.quantdesk.app.sandbox;

import static com.quantdesk.app.sandbox.SandboxSessionTest.KEY;
import static com.quantdesk.app.sandbox.SandboxSessionTest.assertError;
import static com.quantdesk.app.sandbox.SandboxSessionTest.config;
import static com.quantdesk.app.sandbox.SandboxSessionTest.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault switch, through the Java API and the admin endpoint. */
class SandboxFaultsTest {

    static KiteSandbox sandbox;
    static KiteHttp client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = KiteSandbox.start(config());
        client = signedIn(sandbox);
    }

    @AfterEach
    void switchFaultsOff() {
        sandbox.faults().reset();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void addsLatency() throws Exception {
        sandbox.faults().latency(Duration.ofMillis(400));

        long start = System.nanoTime();
        assertThat(client.get("/user/profile").status()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void answersTooManyRequestsAsKiteDoes() throws Exception {
        sandbox.faults().tooManyRequests(1);

        assertError(client.get("/orders"), 429, "NetworkException");
        assertThat(client.get("/orders").json()).containsEntry("message", "Too many requests");
    }

    @Test
    void answersServerErrorsWithTheirKiteTypes() throws Exception {
        sandbox.faults().serverErrors(1, 503);
        assertError(client.get("/orders"), 503, "NetworkException");
        sandbox.faults().serverErrors(1, 502);
        assertError(client.get("/orders"), 502, "DataException");
        sandbox.faults().serverErrors(1, 500);
        assertError(client.get("/orders"), 500, "GeneralException");
    }

    @Test
    void aServerErrorBeforeHandlingPlacesNoOrder() throws Exception {
        sandbox.faults().serverErrors(1, 503);
        assertError(client.post("/orders/regular", SandboxOrdersTest.market("ITC", "BUY", 1, "qdNoPlace")), 503,
                "NetworkException");
        sandbox.faults().reset();

        assertThat(client.get("/orders").dataList()).noneMatch(o -> "qdNoPlace".equals(o.get("tag")));
    }

    @Test
    void aServerErrorAfterHandlingLosesTheAnswerButNotTheOrder() throws Exception {
        sandbox.faults().serverErrors(1, 503).afterHandling(true);
        assertError(client.post("/orders/regular", SandboxOrdersTest.market("ITC", "BUY", 1, "qdLostAnswer")), 503,
                "NetworkException");
        sandbox.faults().reset();

        assertThat(client.get("/orders").dataList()).filteredOn(o -> "qdLostAnswer".equals(o.get("tag"))).hasSize(1);
    }

    @Test
    void hangsARequestPastTheClientTimeout() throws Exception {
        KiteHttp impatient = signedIn(sandbox)
                .timeout(Duration.ofMillis(500));
        sandbox.faults().hangs(1, Duration.ofSeconds(5)).afterHandling(true);

        assertThatThrownBy(() -> impatient.post("/orders/regular",
                SandboxOrdersTest.market("ITC", "SELL", 1, "qdHung"))).isInstanceOf(HttpTimeoutException.class);
        sandbox.faults().reset();

        // The hang came after the order was placed: a client must look it up by tag, not place it again.
        assertThat(client.get("/orders").dataList()).filteredOn(o -> "qdHung".equals(o.get("tag"))).hasSize(1);
    }

    @Test
    void aHangBeforeHandlingPlacesNoOrder() throws Exception {
        KiteHttp impatient = signedIn(sandbox)
                .timeout(Duration.ofMillis(500));
        sandbox.faults().hangs(1, Duration.ofSeconds(5));

        assertThatThrownBy(() -> impatient.post("/orders/regular",
                SandboxOrdersTest.market("ITC", "SELL", 1, "qdNeverPlaced"))).isInstanceOf(HttpTimeoutException.class);
        sandbox.faults().reset();

        assertThat(client.get("/orders").dataList()).noneMatch(o -> "qdNeverPlaced".equals(o.get("tag")));
    }

    @Test
    void faultsAreDrawnFromTheSeed() throws Exception {
        List<Integer> first = statuses(0.5, 20);
        List<Integer> second = statuses(0.5, 20);

        assertThat(first).isEqualTo(second).contains(200, 429);
    }

    @Test
    void adminEndpointSwitchesFaultsAtRunTime() throws Exception {
        KiteHttp admin = new KiteHttp(sandbox.restUrl(), KEY);
        KiteHttp.Answer set = admin.raw(HttpRequest.newBuilder(admin.uri("/sandbox/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rate_5xx\":1,\"status_5xx\":504,\"latency_ms\":10}")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.data()).containsEntry("rate_5xx", 1.0).containsEntry("status_5xx", 504)
                .containsEntry("latency_ms", 10);

        assertError(client.get("/trades"), 504, "NetworkException");

        assertThat(admin.raw(HttpRequest.newBuilder(admin.uri("/sandbox/faults")).DELETE()).data())
                .containsEntry("rate_5xx", 0.0);
        assertThat(client.get("/trades").status()).isEqualTo(200);
        assertThat(admin.raw(HttpRequest.newBuilder(admin.uri("/sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"rate_429\":7}"))).status()).isEqualTo(400);
    }

    @Test
    void dropsTickerConnections() throws Exception {
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.tickerConnections() == 1);

            KiteHttp admin = new KiteHttp(sandbox.restUrl(), KEY);
            assertThat(admin.raw(HttpRequest.newBuilder(admin.uri("/sandbox/ticker/drop"))
                    .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(probe.closed::isDone);
            assertThat(sandbox.tickerConnections()).isZero();
        }
        try (TickerProbe again = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.tickerConnections() == 1);
        }
    }

    @Test
    void sendsAMalformedFrameThatAStrictDecoderRefuses() throws Exception {
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.tickerConnections() == 1);

            sandbox.sendMalformedFrame();

            byte[] frame = await().atMost(Duration.ofSeconds(5)).until(() -> probe.dataFrames().stream().findFirst()
                    .orElse(null), f -> f != null);
            assertThat(KiteFrameDecoder.u16(frame, 0)).isEqualTo(2);
            assertThatThrownBy(() -> KiteFrameDecoder.decode(frame)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overruns");
        }
    }

    private static List<Integer> statuses(double rate, int requests) throws Exception {
        sandbox.faults().reset().tooManyRequests(rate);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.get("/user/profile").status());
        }
        sandbox.faults().reset();
        return statuses;
    }
}
