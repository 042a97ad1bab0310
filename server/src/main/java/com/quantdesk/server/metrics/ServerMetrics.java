package com.quantdesk.server.metrics;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.server.trading.AccountBoard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics: HTTP latency by route and status, orders by outcome, risk
 * denials by reason, alerts by code, positions, P&amp;L and equity per account, WebSocket clients, and
 * the JVM's own.
 */
public final class ServerMetrics implements EngineListener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<AccountId> gauged = ConcurrentHashMap.newKeySet();
    private final Supplier<AccountBoard.Board> board;

    /**
     * @param board         the latest copy of the engine's figures
     * @param streamClients how many WebSocket clients are connected
     */
    public ServerMetrics(Supplier<AccountBoard.Board> board, IntSupplier streamClients) {
        this.board = board;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("quantdesk.stream.clients", streamClients::getAsInt)
                .description("WebSocket stream clients connected").register(registry);
        Gauge.builder("quantdesk.positions.open", () -> board.get().accounts().values().stream()
                .mapToLong(a -> a.positions().stream().filter(p -> p.quantity() != 0).count()).sum())
                .description("Open positions over every account").register(registry);
    }

    /** Times one HTTP request. */
    public void request(String method, String route, int status, long nanos) {
        String key = method + " " + route + " " + status;
        timers.computeIfAbsent(key, k -> Timer.builder("quantdesk.http.requests")
                .description("HTTP requests by route and status")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Counts engine events (engine thread; counters are thread-safe). */
    @Override
    public void onEvent(Event event) {
        switch (event) {
            case OrderSubmitted e -> count("quantdesk.orders", "outcome", "submitted");
            case OrderAccepted e -> count("quantdesk.orders", "outcome", "accepted");
            case OrderRejected e -> count("quantdesk.orders", "outcome", "rejected");
            case OrderCancelled e -> count("quantdesk.orders", "outcome", "cancelled");
            case OrderFilled e -> {
                if (e.remaining() == 0) {
                    count("quantdesk.orders", "outcome", "filled");
                }
            }
            case OrderDenied e -> {
                count("quantdesk.orders", "outcome", "denied");
                count("quantdesk.risk.denials", "reason", e.reasonCode());
            }
            case RiskAlert e -> count("quantdesk.alerts", "code", e.code());
            default -> { }
        }
        if (gauged.add(event.account()) && !event.account().equals(AccountId.SYSTEM)) {
            gaugeAccount(event.account());
        }
    }

    private void count(String name, String tag, String value) {
        counters.computeIfAbsent(name + "|" + value, k -> Counter.builder(name).tag(tag, value).register(registry))
                .increment();
    }

    /** Adds equity and P&amp;L gauges for an account (once). */
    public void gaugeAccount(AccountId account) {
        gauged.add(account);
        gauge("quantdesk.account.equity", account, a -> a.equity());
        gauge("quantdesk.account.cash", account, a -> a.cash());
        gauge("quantdesk.account.pnl.unrealized", account, a -> a.unrealized());
        gauge("quantdesk.account.pnl.day.realized", account, a -> a.dayRealized());
        gauge("quantdesk.account.charges.day", account, a -> a.dayCharges());
    }

    private void gauge(String name, AccountId account, java.util.function.ToLongFunction<AccountBoard.AccountFigures> f) {
        Gauge.builder(name, () -> {
            AccountBoard.AccountFigures a = board.get().accounts().get(account);
            return a == null ? Double.NaN : f.applyAsLong(a) / 100.0;
        }).tag("account", account.value()).baseUnit("rupees").register(registry);
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
