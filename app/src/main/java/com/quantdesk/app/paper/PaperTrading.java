package com.quantdesk.app.paper;

import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.server.MarketView;
import com.quantdesk.server.TradingRuntime;
import com.quantdesk.server.Webhook;
import com.quantdesk.server.preflight.PreflightSetup;
import com.quantdesk.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** A running process (paper, or live through a broker) as the HTTP server sees it. */
public final class PaperTrading implements TradingRuntime {

    private final PaperRuntime runtime;
    private final String mode;
    private final List<Webhook> webhooks;
    private final Consumer<MeterRegistry> gauges;
    private volatile Function<Path, PreflightSetup.Facts> preflight =
            directory -> PreflightSetup.Facts.of(System.getenv(), directory);

    /** @param runtime the running paper process */
    public PaperTrading(PaperRuntime runtime) {
        this(runtime, "paper", List.of(), registry -> { });
    }

    /**
     * @param runtime  the running process
     * @param mode     {@code paper} or {@code live}
     * @param webhooks routes the broker calls (postbacks)
     * @param gauges   registers the broker adapter's gauges
     */
    public PaperTrading(PaperRuntime runtime, String mode, List<Webhook> webhooks, Consumer<MeterRegistry> gauges) {
        this.runtime = runtime;
        this.mode = mode;
        this.webhooks = List.copyOf(webhooks);
        this.gauges = gauges;
    }

    /**
     * Answers the preflight's questions beyond the store with {@code facts} (given the data directory).
     *
     * @return this
     */
    public PaperTrading withPreflight(Function<Path, PreflightSetup.Facts> facts) {
        this.preflight = Objects.requireNonNull(facts, "facts");
        return this;
    }

    @Override
    public PreflightSetup.Facts preflightFacts(Path dataDirectory) {
        return preflight.apply(dataDirectory);
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        runtime.bindFeedMetrics(registry);
        gauges.accept(registry);
    }

    @Override
    public List<Webhook> webhooks() {
        return webhooks;
    }

    @Override
    public EngineLoop engine() {
        return runtime.loop();
    }

    @Override
    public Store store() {
        return runtime.store();
    }

    @Override
    public RiskEngine risk() {
        return runtime.risk();
    }

    @Override
    public MarketView market() {
        return runtime.marketBoard();
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public boolean marketDataFresh() {
        return runtime.marketDataFresh();
    }

    @Override
    public boolean marketOpen() {
        return runtime.marketOpen();
    }
}
