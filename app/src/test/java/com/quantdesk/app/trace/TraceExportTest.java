package com.quantdesk.app.trace;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TraceExportTest {

    @Test
    void tracingIsOffWithoutAnOtlpEndpoint() {
        assertThat(TraceExport.fromEnvironment(Map.of())).isEmpty();
        assertThat(TraceExport.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))).isEmpty();
    }

    @Test
    void anOtlpEndpointTurnsItOnUnlessTheExporterIsNone() {
        Optional<SdkTracerProvider> on = TraceExport.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://collector.internal:4318"));
        try {
            assertThat(on).isPresent();
        } finally {
            on.ifPresent(SdkTracerProvider::close);
        }
        assertThat(TraceExport.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector.internal:4318",
                "OTEL_TRACES_EXPORTER", "none"))).isEmpty();
    }

    @Test
    void readsTheHeadersOfTheStandardVariable() {
        assertThat(TraceExport.headers("api-key=k1, x-tenant = desk,broken")).containsExactly(
                Map.entry("api-key", "k1"), Map.entry("x-tenant", "desk"));
    }
}
