package com.quantdesk.app.paper;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.market.BarAggregation;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.market.DropReason;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.core.market.StaleFeedDetector;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickFilter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What every tick goes through on the engine thread, whatever its source: the data-quality filter,
 * then the quote board, the detector of silent symbols, the venue (a simulated one matches resting
 * orders on it) and bar aggregation at every interval a bot may ask for, whose bars reach the engine.
 * During warm-up the bars only prime the bots.
 */
public final class MarketPipeline {

    /** Every interval a bot may ask for, so a bot created later finds its bars. */
    public static final List<BarInterval> INTERVALS = List.of(BarInterval.ONE_MINUTE, BarInterval.FIVE_MINUTES,
            BarInterval.FIFTEEN_MINUTES, BarInterval.ONE_HOUR, BarInterval.ONE_DAY);

    private final StaleFeedDetector<Symbol> staleness;
    private final MarketHours hours;
    private final List<Symbol> watched;
    private final Consumer<Tick> venue;
    // Written by the engine thread at every timer, read by any (the API's readiness, the metrics).
    private volatile boolean fresh = true;
    private volatile Figures figures = new Figures(0, Map.of(), Map.of());
    private final InstantSource clock;
    private TickFilter filter;
    private BarAggregation aggregation;
    private TradingEngine engine;
    private MarketBoard board;
    // Start-up only (constructing thread, before the engine thread exists).
    private boolean warming;
    private long warmUpBars;

    /**
     * @param watched    symbols whose silence in market hours makes the data stale
     * @param silentAfter how long a symbol may stay silent in market hours
     * @param venue      told of every clean tick after warm-up (a simulated venue matches on it)
     */
    public MarketPipeline(List<Symbol> watched, Duration silentAfter, MarketHours hours, InstantSource clock,
                          Consumer<Tick> venue, Consumer<String> notices) {
        this.staleness = new StaleFeedDetector<>(silentAfter, hours, clock,
                event -> notices.accept("market data: " + event));
        this.hours = hours;
        this.clock = clock;
        this.watched = List.copyOf(watched);
        this.venue = venue;
        this.watched.forEach(staleness::watch);
    }

    /** Connects the pipeline to the engine and the board the API reads. */
    public void bind(TradingEngine tradingEngine, MarketBoard marketBoard) {
        this.engine = tradingEngine;
        this.board = marketBoard;
        this.filter = new TickFilter(this::onCleanTick);
        Set<BarInterval> intervals = new TreeSet<>(INTERVALS);
        this.aggregation = new BarAggregation(intervals, (interval, bar) -> {
            board.onBar(bar, interval);
            if (warming) {
                engine.warmUp(bar, interval);
                warmUpBars++;
            } else {
                engine.onBar(bar, interval);
            }
        });
    }

    /** A tick from the feed. Engine thread. */
    public void offer(Tick tick) {
        filter.offer(tick);
    }

    /**
     * Primes the bots with history; the venue and the risk engine never see it. Call after the engine
     * started, before its thread exists.
     *
     * @return how many bars the bots were primed with
     */
    public long warmUp(List<Tick> history) {
        warming = true;
        try {
            for (Tick tick : history) {
                filter.offer(tick);
            }
        } finally {
            warming = false;
        }
        return warmUpBars;
    }

    /** Timer work on the engine thread: bars that closed on the clock, silent symbols. */
    public void onTimer(Instant now) {
        aggregation.flush(now);
        staleness.check();
        fresh = !hours.isOpen(now) || watched.stream().noneMatch(staleness::isStale);
        Map<Symbol, Instant> last = new LinkedHashMap<>();
        for (Symbol symbol : watched) {
            staleness.lastTick(symbol).ifPresent(t -> last.put(symbol, t));
        }
        Map<DropReason, Long> drops = new java.util.EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, filter.dropped(reason));
        }
        figures = new Figures(filter.accepted(), Map.copyOf(drops), Map.copyOf(last));
    }

    /**
     * The feed's counts as of the last timer, for the metrics.
     *
     * @param accepted ticks that passed the filter
     * @param dropped  ticks dropped, by reason (every reason present)
     * @param lastTick each watched symbol's last tick time, once it had one
     */
    public record Figures(long accepted, Map<DropReason, Long> dropped, Map<Symbol, Instant> lastTick) {
    }

    /** The figures as of the last timer. Any thread. */
    public Figures figures() {
        return figures;
    }

    /** The watched symbols. */
    public List<Symbol> watched() {
        return watched;
    }

    /** Now on the pipeline's clock. Any thread. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Whether market data is fresh enough to trade on: the market is closed, or no watched symbol is
     * in a stale episode. Any thread.
     */
    public boolean fresh() {
        return fresh;
    }

    private void onCleanTick(Tick tick) {
        board.onTick(tick);
        if (warming) {
            aggregation.onTick(tick);
            return;
        }
        staleness.onTick(tick.symbol(), tick.time());
        engine.marketDataSeen();
        venue.accept(tick);
        aggregation.onTick(tick);
    }

    /** Ticks that passed the filter. Engine thread. */
    public long ticksAccepted() {
        return filter.accepted();
    }

    /** Ticks the filter dropped, by reason. Engine thread. */
    public Map<String, Long> ticksDropped() {
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (DropReason reason : DropReason.values()) {
            long n = filter.dropped(reason);
            if (n > 0) {
                dropped.put(reason.name(), n);
            }
        }
        return dropped;
    }
}
