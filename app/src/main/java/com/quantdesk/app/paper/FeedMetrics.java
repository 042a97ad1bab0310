package com.quantdesk.app.paper;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.DropReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The market-data meters of a running process: ticks accepted and dropped by reason, how long each
 * watched symbol has been silent, and which source ticks come from. They read the pipeline's figures
 * as of its last timer, never its engine-thread state.
 */
final class FeedMetrics {

    private FeedMetrics() {
    }

    /** Registers the meters of {@code market}'s feed. */
    static void bind(MeterRegistry registry, Market market) {
        MarketPipeline pipeline = market.pipeline();
        Instant started = pipeline.now();
        FunctionCounter.builder("quantdesk.feed.ticks", pipeline, p -> p.figures().accepted())
                .description("Ticks that passed the data-quality filter").register(registry);
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("quantdesk.feed.drops", pipeline,
                            p -> p.figures().dropped().getOrDefault(reason, 0L))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("Ticks the data-quality filter dropped, by reason").register(registry);
        }
        for (Symbol symbol : pipeline.watched()) {
            // Before its first tick a symbol has been silent since the start.
            Gauge.builder("quantdesk.feed.staleness", pipeline, p -> Duration.between(
                            p.figures().lastTick().getOrDefault(symbol, started), p.now()).toMillis() / 1000.0)
                    .tag("symbol", symbol.value()).baseUnit("seconds")
                    .description("Time since the symbol's last tick").register(registry);
        }
        Gauge.builder("quantdesk.feed.source", market, m -> m.onFallback() ? 0 : 1).tag("source", "primary")
                .description("1 for the source ticks come from now").register(registry);
        Gauge.builder("quantdesk.feed.source", market, m -> m.onFallback() ? 1 : 0).tag("source", "fallback")
                .description("1 for the source ticks come from now").register(registry);
    }
}
