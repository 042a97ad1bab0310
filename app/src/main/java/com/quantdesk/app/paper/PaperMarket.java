package com.quantdesk.app.paper;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.market.BarAggregation;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.market.DropReason;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.core.market.StaleFeedDetector;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickFilter;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.feed.FailoverConfig;
import com.quantdesk.sim.feed.FailoverFeed;
import com.quantdesk.sim.feed.SyntheticFeedConfig;
import com.quantdesk.sim.feed.SyntheticTickFeed;
import com.quantdesk.sim.feed.TickFeedRunner;
import com.quantdesk.sim.venue.FillCharges;
import com.quantdesk.sim.venue.TickVenue;
import com.quantdesk.sim.venue.TickVenueConfig;
import com.quantdesk.sim.venue.VenueConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The live synthetic market of a paper process: a primary and a secondary tick feed with failover,
 * the data-quality filter, bar aggregation at every interval a bot may ask for, a detector of silent
 * symbols, and the tick-driven simulated venue. Ticks reach the engine thread through the loop; all
 * other work here runs on the engine thread.
 */
final class PaperMarket implements AutoCloseable {

    /** Every interval a bot may ask for, so a bot created later finds its bars. */
    static final List<BarInterval> INTERVALS = List.of(BarInterval.ONE_MINUTE, BarInterval.FIVE_MINUTES,
            BarInterval.FIFTEEN_MINUTES, BarInterval.ONE_HOUR, BarInterval.ONE_DAY);

    /** How often (real time) the feed is polled. */
    private static final Duration FEED_PERIOD = Duration.ofMillis(10);

    private final SyntheticTickFeed primary;
    private final SyntheticTickFeed secondary;
    private final FailoverFeed feed;
    private final TickVenue venue;
    private final InstrumentMaster instruments;
    private final StaleFeedDetector<Symbol> staleness;
    private final MarketHours hours;
    private final List<Symbol> watched;
    // Written by the engine thread at every timer, read by any (the API's readiness).
    private volatile boolean fresh = true;
    private TickFilter filter;
    private BarAggregation aggregation;
    private TradingEngine engine;
    private MarketBoard board;
    private TickFeedRunner runner;
    // Start-up only (constructing thread, before the engine thread exists).
    private boolean warming;
    private long warmUpBars;

    /**
     * @param inPaperTime converts a real-time duration to paper time on this process's clock
     */
    PaperMarket(PaperConfig config, PaperClock clock, MarketHours hours, InstrumentMaster universe,
                SyntheticFeedConfig feedConfig, FillCharges charges, UnaryOperator<Duration> inPaperTime,
                Consumer<String> notices) {
        // Both sources start with the warm-up's history, so they stay in step.
        Instant historyFrom = clock.instant().minus(config.feed().warmUp());
        this.primary = new SyntheticTickFeed(feedConfig, universe, clock, historyFrom);
        this.secondary = new SyntheticTickFeed(feedConfig, universe, clock, historyFrom);
        this.instruments = primary.instruments();
        FailoverConfig defaults = FailoverConfig.defaults(hours);
        this.feed = new FailoverFeed(primary, secondary, clock, new FailoverConfig(
                inPaperTime.apply(defaults.staleAfter()), inPaperTime.apply(defaults.recoverAfter()), hours),
                switched -> notices.accept("market data: " + switched.message()));
        PaperConfig.Venue v = config.venue();
        this.venue = new TickVenue(new TickVenueConfig(v.ackLatency(), v.fillLatency(), v.slippageBps(),
                v.volumeParticipation(), VenueConfig.defaults().priceBandPercent()), instruments::find, charges);
        this.staleness = new StaleFeedDetector<>(inPaperTime.apply(Duration.ofSeconds(30)), hours, clock,
                event -> notices.accept("market data: " + event));
        this.hours = hours;
        this.watched = List.copyOf(config.feed().symbols());
        watched.forEach(staleness::watch);
    }

    /** The instruments the feed quotes. */
    InstrumentMaster instruments() {
        return instruments;
    }

    /** The simulated venue. */
    TickVenue venue() {
        return venue;
    }

    /**
     * Connects the market to the engine: clean ticks go to the venue and the bar aggregation, and
     * with the bars to the board the API reads.
     */
    void bind(TradingEngine tradingEngine, MarketBoard marketBoard) {
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

    /**
     * Primes the bots with the generated history up to now; the venue and the risk engine never see
     * it. Call after the engine started, before its thread exists.
     *
     * @return how many bars the bots were primed with
     */
    long warmUp(Instant now) {
        warming = true;
        try {
            for (Tick tick : primary.next(now)) {
                filter.offer(tick);
            }
            secondary.next(now);
        } finally {
            warming = false;
        }
        return warmUpBars;
    }

    /** Starts polling the feed; every tick is handed to the engine thread. */
    void start(EngineLoop loop) {
        runner = new TickFeedRunner(feed, tick -> loop.execute(e -> filter.offer(tick)), FEED_PERIOD);
        runner.start();
    }

    /** Timer work on the engine thread: venue latencies, bars that closed on the clock, silent symbols. */
    void onTimer(Instant now) {
        venue.advance(now);
        aggregation.flush(now);
        staleness.check();
        fresh = !hours.isOpen(now) || watched.stream().noneMatch(staleness::isStale);
    }

    /**
     * Whether market data is fresh enough to trade on: the market is closed, or no watched symbol is
     * in a stale episode. Any thread.
     */
    boolean fresh() {
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
        venue.onTick(tick);
        aggregation.onTick(tick);
    }

    /** The feed in use, for the status line. */
    String activeFeed() {
        return feed.active().name().toLowerCase(Locale.ROOT);
    }

    /** Ticks that passed the filter. Engine thread. */
    long ticksAccepted() {
        return filter.accepted();
    }

    /** Ticks the filter dropped, by reason. Engine thread. */
    Map<String, Long> ticksDropped() {
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (DropReason reason : DropReason.values()) {
            long n = filter.dropped(reason);
            if (n > 0) {
                dropped.put(reason.name(), n);
            }
        }
        return dropped;
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
    }
}
