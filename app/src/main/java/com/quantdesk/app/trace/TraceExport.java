package com.quantdesk.app.trace;

import com.quantdesk.core.trace.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Map;
import java.util.Optional;

/**
 * Turns tracing on from the standard OpenTelemetry environment: with {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) set, spans go by OTLP/HTTP in batches to that
 * collector, under the service name {@code OTEL_SERVICE_NAME} (default {@code quantdesk}), with the
 * headers of {@code OTEL_EXPORTER_OTLP_HEADERS} ({@code key=value,key=value}). Without it nothing is
 * installed and tracing costs nothing. {@code OTEL_TRACES_EXPORTER=none} also keeps it off.
 */
public final class TraceExport {

    private TraceExport() {
    }

    /** Installs the exporting tracer when the environment asks for one; the provider to flush on exit. */
    public static Optional<SdkTracerProvider> install(Map<String, String> env) {
        Optional<SdkTracerProvider> provider = fromEnvironment(env);
        provider.ifPresent(p -> Tracing.install(new OpenTelemetryTracer(p.get("com.quantdesk"))));
        return provider;
    }

    /** The provider the environment describes, or empty when tracing is off. */
    static Optional<SdkTracerProvider> fromEnvironment(Map<String, String> env) {
        if ("none".equalsIgnoreCase(env.getOrDefault("OTEL_TRACES_EXPORTER", "").trim())) {
            return Optional.empty();
        }
        String endpoint = blankToNull(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        if (endpoint == null) {
            String base = blankToNull(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
            if (base == null) {
                return Optional.empty();
            }
            // The general endpoint is the collector's base address; traces go under /v1/traces.
            endpoint = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
        }
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint);
        headers(env.get("OTEL_EXPORTER_OTLP_HEADERS")).forEach(exporter::addHeader);
        String service = Optional.ofNullable(blankToNull(env.get("OTEL_SERVICE_NAME"))).orElse("quantdesk");
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), service)));
        return Optional.of(SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build()).build());
    }

    static Map<String, String> headers(String text) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (text == null) {
            return headers;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                headers.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return headers;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
