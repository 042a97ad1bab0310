package com.quantdesk.app.sandbox;

import com.quantdesk.app.paper.PaperClock;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.data.SyntheticMarket;
import com.quantdesk.sim.feed.FeedMode;
import com.quantdesk.sim.feed.SyntheticFeedConfig;
import com.quantdesk.sim.feed.SyntheticTickFeed;
import com.quantdesk.sim.venue.FillCharges;
import com.quantdesk.sim.venue.TickVenue;
import com.quantdesk.sim.venue.TickVenueConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's market: the seeded synthetic tick feed over NIFTY 50 (demo mode, trading at any
 * hour) and the tick-driven simulated venue, on one thread of their own.
 *
 * <p>Threading: every piece of market, venue and order state is touched only by the market thread.
 * Request threads hand it work with {@link #call} and wait for the answer; the thread steps the
 * feed on a timer and tells the tick listeners (on the same thread) what traded.
 */
final class SandboxMarket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxMarket.class);
    /** Real time between polls of the feed. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final SyntheticTickFeed feed;
    private final InstantSource clock;
    private final SandboxInstruments instruments;
    private final TickVenue venue;
    private final Map<Symbol, QuoteBook> quotes = new HashMap<>();
    private final List<Consumer<List<Tick>>> tickListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread;
    private volatile Thread marketThread;

    SandboxMarket(SandboxConfig config) {
        this.clock = new PaperClock(Instant.now(), config.speed(), System::nanoTime);
        SyntheticFeedConfig feedConfig = SyntheticFeedConfig.defaults(FeedMode.DEMO).withSeed(config.seed())
                .withInterval(config.tickInterval());
        this.feed = new SyntheticTickFeed(feedConfig, InstrumentMaster.nifty50(), clock);
        this.instruments = new SandboxInstruments(feed.instruments());
        for (Instrument instrument : instruments.all()) {
            Symbol symbol = instrument.symbol();
            quotes.put(symbol, new QuoteBook(instruments.token(symbol), instrument.tickSizePaise(),
                    SyntheticMarket.startPricePaise(config.seed(), symbol)));
        }
        this.venue = new TickVenue(new TickVenueConfig(Duration.ZERO, Duration.ZERO, 0, 0, 10),
                instruments.master()::find, FillCharges.NONE);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kite-sandbox-market");
            t.setDaemon(true);
            marketThread = t;
            return t;
        });
    }

    /** Starts stepping the feed. */
    void start() {
        thread.scheduleAtFixedRate(this::step, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} on the market thread and waits for its result; its exceptions are rethrown. */
    <T> T call(Callable<T> work) {
        Future<T> future = thread.submit(work);
        try {
            return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KiteError.serverFailure(503);
        } catch (TimeoutException e) {
            future.cancel(false);
            Thread busy = marketThread;
            StringBuilder where = new StringBuilder();
            if (busy != null) {
                for (StackTraceElement frame : busy.getStackTrace()) {
                    where.append("\n    at ").append(frame);
                }
            }
            LOG.warn("the market thread did not answer within {} s; it is at:{}", CALL_TIMEOUT_SECONDS, where);
            throw KiteError.serverFailure(504);
        }
    }

    /** Runs {@code work} on the market thread later. */
    void execute(Runnable work) {
        thread.execute(work);
    }

    /**
     * Runs {@code work} on the market thread every {@code period} (real time), with a fixed delay so
     * that a late run is never followed by a burst of catch-up runs.
     */
    void every(Duration period, Runnable work) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("sandbox timer failed", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds a listener told, on the market thread, the ticks of each step. */
    void onTicks(Consumer<List<Tick>> listener) {
        tickListeners.add(listener);
    }

    /** The sandbox clock. */
    InstantSource clock() {
        return clock;
    }

    /** The instruments. Any thread (immutable). */
    SandboxInstruments instruments() {
        return instruments;
    }

    /** The simulated venue. Market thread only. */
    TickVenue venue() {
        return venue;
    }

    /** The quote of a symbol now. Market thread only. */
    QuoteSnapshot quote(Symbol symbol) {
        return quotes.get(symbol).snapshot(clock.instant());
    }

    private void step() {
        try {
            Instant now = clock.instant();
            List<Tick> ticks = feed.next(now);
            List<Tick> clean = new ArrayList<>(ticks.size());
            for (Tick tick : ticks) {
                QuoteBook book = quotes.get(tick.symbol());
                if (book != null && tick.price() > 0) {
                    book.onTick(tick);
                    clean.add(tick);
                }
                venue.onTick(tick);
            }
            venue.advance(now);
            if (!clean.isEmpty()) {
                for (Consumer<List<Tick>> listener : tickListeners) {
                    listener.accept(clean);
                }
            }
        } catch (RuntimeException e) {
            // A failed step must not stop the timer: the next one tries again.
            LOG.warn("sandbox market step failed", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
