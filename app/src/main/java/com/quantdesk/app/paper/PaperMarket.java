package com.quantdesk.app.paper;

import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.sim.feed.FeedRole;
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
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The live synthetic market of a paper process: a primary and a secondary tick feed with failover,
 * the {@link MarketPipeline}, and the tick-driven simulated venue. Ticks reach the engine thread
 * through the loop; all other work here runs on the engine thread.
 */
final class PaperMarket implements Market {

    /** How often (real time) the feed is polled. */
    static final Duration FEED_PERIOD = Duration.ofMillis(10);

    private final SyntheticTickFeed primary;
    private final SyntheticTickFeed secondary;
    private final FailoverFeed feed;
    private final TickVenue venue;
    private final InstrumentMaster instruments;
    private final MarketPipeline pipeline;
    private TickFeedRunner runner;

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
        this.pipeline = new MarketPipeline(config.feed().symbols(), inPaperTime.apply(Duration.ofSeconds(30)), hours,
                clock, venue::onTick, notices);
    }

    @Override
    public InstrumentMaster instruments() {
        return instruments;
    }

    @Override
    public TickVenue venue() {
        return venue;
    }

    @Override
    public void bind(TradingEngine engine, MarketBoard board) {
        pipeline.bind(engine, board);
    }

    @Override
    public Settled settle(TradingEngine engine) {
        return PaperRecovery.settle(engine, Optional.of(venue));
    }

    /** Primes the bots with the generated history up to now; the venue and the risk engine never see it. */
    @Override
    public long warmUp(Instant now) {
        long bars = pipeline.warmUp(primary.next(now));
        secondary.next(now);
        return bars;
    }

    @Override
    public void start(EngineLoop loop) {
        runner = new TickFeedRunner(feed, tick -> loop.execute(e -> pipeline.offer(tick)), FEED_PERIOD);
        runner.start();
    }

    /** Venue latencies, bars that closed on the clock, silent symbols. */
    @Override
    public void onTimer(Instant now) {
        venue.advance(now);
        pipeline.onTimer(now);
    }

    @Override
    public MarketPipeline pipeline() {
        return pipeline;
    }

    @Override
    public boolean onFallback() {
        return feed.active() == FeedRole.SECONDARY;
    }

    @Override
    public String activeFeed() {
        return feed.active().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
    }
}
