package com.quantdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.app.paper.PaperTrading;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.app.live.LiveMarket;
import com.quantdesk.kite.live.Postbacks;
import com.quantdesk.kite.rest.KiteConfig;
import com.quantdesk.kite.rest.KiteTransport;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.Webhook;
import com.quantdesk.server.api.ApiServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What live mode adds to the API, over real HTTP: a broker's postback needs no sign-in, is taken when
 * its checksum matches and refused with 403 and the reason when it does not, passing nothing on; the
 * Kite circuit breakers are gauges at {@code /metrics}.
 */
class PostbackWebhookTest {

    private static final String SECRET = "app-secret";

    @TempDir
    static Path dir;
    static PaperRuntime runtime;
    static ApiServer server;
    static Http http;
    static final List<Postbacks.Verified> RECEIVED = new CopyOnWriteArrayList<>();
    static KiteTransport transport;

    @BeforeAll
    static void start() {
        runtime = ApiTests.runtime(dir, List.of("INFY"), "acc");
        Webhook kite = new Webhook("/api/v1/hooks/kite", body -> RECEIVED.add(Postbacks.verify(body, SECRET)));
        transport = KiteTransport.create(KiteConfig.of("key", "secret"));
        server = ApiServer.start(ServerConfig.defaults(dir).withAddress("127.0.0.1", 0),
                new PaperTrading(runtime, "live", List.of(kite), registry -> LiveMarket.breakerGauges(registry,
                        transport)), ApiTests.NO_BACKTESTS, StrategyCatalog.builtIns(),
                InstantSource.system(), "test", Optional.of(ApiTests.ADMIN_PASSWORD), Optional.empty(),
                Optional.empty());
        http = new Http(URI.create("http://127.0.0.1:" + server.port()), null);
    }

    @AfterAll
    static void stop() {
        transport.close();
        ApiTests.stop(server, runtime);
    }

    @Test
    void theKiteCircuitBreakersAreGaugesAtMetrics() {
        String admin = ApiTests.withSecondFactor(http, "admin", ApiTests.ADMIN_PASSWORD);

        Http.Answer metrics = http.get("/metrics", admin);

        assertThat(metrics.status()).isEqualTo(200);
        for (String endpoints : List.of("quote", "historical", "orders", "other")) {
            assertThat(metrics.response().body()).contains("quantdesk_kite_circuit_state{endpoint_class=\""
                    + endpoints + "\"} 0.0");
        }
    }

    @Test
    void aPostbackWithTheRightChecksumIsTakenWithoutSignIn() {
        Map<String, Object> body = Map.of("order_id", "261203000000042", "order_timestamp", "2026-12-03 10:15:02",
                "status", "COMPLETE", "tag", "QD42", "checksum",
                Postbacks.checksum("261203000000042", "2026-12-03 10:15:02", SECRET));

        Http.Answer answer = http.post("/api/v1/hooks/kite", null, body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(RECEIVED).contains(new Postbacks.Verified("261203000000042", "QD42", "COMPLETE"));
    }

    @Test
    void aForgedPostbackIsRefusedWith403AndItsReason() {
        int before = RECEIVED.size();
        Map<String, Object> body = Map.of("order_id", "261203000000043", "order_timestamp", "2026-12-03 10:15:02",
                "status", "COMPLETE", "tag", "QD43", "checksum",
                Postbacks.checksum("261203000000043", "2026-12-03 10:15:02", "guessed-secret"));

        Http.Answer answer = http.post("/api/v1/hooks/kite", null, body);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.response().body()).contains("postback checksum does not match");
        assertThat(RECEIVED).hasSize(before);
    }
}
