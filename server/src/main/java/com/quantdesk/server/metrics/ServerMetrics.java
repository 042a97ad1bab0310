package com.quantdesk.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The server's Prometheus registry and its own meters: HTTP latency by route and status, sign-ins by
 * outcome, requests refused by a rate limit, WebSocket clients and dropped messages, the data
 * directory's disk, and the JVM's and the process's meters. {@link TradingMetrics} and
 * {@link StoreMetrics} add theirs to the same registry.
 */
public final class ServerMetrics {

    /** The route whose answers count as sign-in attempts. */
    static final String LOGIN_ROUTE = "/api/v1/auth/login";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> logins = new ConcurrentHashMap<>();
    private final Counter rateLimited;

    /**
     * @param streamClients how many WebSocket clients are connected
     * @param streamDropped stream messages dropped so far for slow clients
     * @param dataDirectory where Quantdesk keeps its files (its disk is watched)
     */
    public ServerMetrics(IntSupplier streamClients, LongSupplier streamDropped, Path dataDirectory) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new DiskSpaceMetrics(dataDirectory.toAbsolutePath().toFile()).bindTo(registry);
        Gauge.builder("quantdesk.stream.clients", streamClients::getAsInt)
                .description("WebSocket stream clients connected").register(registry);
        FunctionCounter.builder("quantdesk.stream.dropped", streamDropped, LongSupplier::getAsLong)
                .description("Stream messages dropped for clients that fell too far behind").register(registry);
        rateLimited = Counter.builder("quantdesk.rate.limited").description("Requests refused with 429")
                .register(registry);
        for (String outcome : new String[] {"success", "failure", "locked"}) {
            login(outcome);
        }
    }

    /** Times one HTTP request, and counts it as a sign-in or a refusal by a limit when it is one. */
    public void request(String method, String route, int status, long nanos) {
        String key = method + " " + route + " " + status;
        timers.computeIfAbsent(key, k -> Timer.builder("quantdesk.http.requests")
                .description("HTTP requests by route and status")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (status == 429) {
            rateLimited.increment();
        }
        if (LOGIN_ROUTE.equals(route) && "POST".equals(method)) {
            login(status == 200 ? "success" : status == 429 ? "locked" : "failure").increment();
        }
    }

    private Counter login(String outcome) {
        return logins.computeIfAbsent(outcome, o -> Counter.builder("quantdesk.logins").tag("outcome", o)
                .description("Sign-in attempts by outcome").register(registry));
    }

    /** The registry (for other meters). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The metrics in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }
}
