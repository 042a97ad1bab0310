package com.quantdesk.app.api;

import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.app.trace.OpenTelemetryTracer;
import com.quantdesk.core.trace.Tracer;
import com.quantdesk.core.trace.Tracing;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order placed over HTTP, traced through OpenTelemetry into memory: the request's span is the root,
 * the engine command its child, and the journal commit and the venue's receipt children of the command,
 * all in one trace, though they run on four different threads.
 */
class TraceChainTest {

    @TempDir
    Path dir;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private SdkTracerProvider provider;
    private PaperRuntime runtime;
    private ApiServer server;

    @BeforeEach
    void start() {
        provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        Tracing.install(new OpenTelemetryTracer(provider.get("quantdesk-test")));
        runtime = ApiTests.runtime(dir, List.of("INFY"), "acc");
        server = ApiTests.server(ServerConfig.defaults(dir).withAddress("127.0.0.1", 0), runtime,
                ApiTests.NO_BACKTESTS);
    }

    @AfterEach
    void stop() {
        Tracing.install(Tracer.NONE);
        ApiTests.stop(server, runtime);
        provider.close();
    }

    @Test
    void anOrdersSpansFormOneTraceFromTheRequestThroughTheEngineToTheJournalAndTheVenue() {
        Http http = new Http(URI.create("http://127.0.0.1:" + server.port()), null);
        String admin = ApiTests.withSecondFactor(http, "admin", ApiTests.ADMIN_PASSWORD);
        String trader = ApiTests.user(http, admin, "tracer", List.of("TRADER"), List.of("acc"));
        String price = restingPrice(http, admin);
        spans.reset();

        Http.Answer placed = http.send("POST", "/api/v1/orders", trader, Map.of("account", "acc", "symbol", "INFY",
                "side", "BUY", "quantity", 1, "type", "LIMIT", "limitPrice", price),
                Map.of("X-Correlation-Id", "trace-1"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> named("venue submit") != null);
        SpanData request = spans.getFinishedSpanItems().stream()
                .filter(s -> "trace-1".equals(s.getAttributes().get(AttributeKey.stringKey("correlation_id"))))
                .findFirst().orElseThrow();
        SpanData command = named("engine SubmitOrder");
        SpanData commit = named("journal commit");
        SpanData venue = named("venue submit");

        assertThat(request.getName()).isEqualTo("HTTP POST /api/v1/orders");
        assertThat(request.getParentSpanContext().isValid()).isFalse();
        assertThat(List.of(command, commit, venue)).allSatisfy(span ->
                assertThat(span.getTraceId()).isEqualTo(request.getTraceId()));
        assertThat(command.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(commit.getParentSpanId()).isEqualTo(command.getSpanId());
        assertThat(venue.getParentSpanId()).isEqualTo(command.getSpanId());
        assertThat(venue.getAttributes().get(AttributeKey.stringKey("quantdesk.order")))
                .isEqualTo("O" + placed.json().path("id").asLong());
    }

    private SpanData named(String name) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
    }

    /** A limit price 2% under the market: the order rests, inside the price band. */
    private static String restingPrice(Http http, String token) {
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/quotes?symbols=INFY", token).json()
                .path("items").size() == 1);
        BigDecimal last = http.get("/api/v1/quotes?symbols=INFY", token).json().path("items").get(0).path("last")
                .decimalValue();
        return last.multiply(new BigDecimal("0.98")).setScale(0, RoundingMode.DOWN).setScale(2).toPlainString();
    }
}
