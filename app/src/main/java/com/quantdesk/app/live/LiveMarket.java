package com.quantdesk.app.live;

import com.quantdesk.app.paper.Market;
import com.quantdesk.app.paper.MarketBoard;
import com.quantdesk.app.paper.MarketPipeline;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.kite.live.KiteVenue;
import com.quantdesk.kite.live.Postbacks;
import com.quantdesk.kite.live.QuotePolling;
import com.quantdesk.kite.live.Reconciliation;
import com.quantdesk.kite.rest.CandleInterval;
import com.quantdesk.kite.rest.KiteCandle;
import com.quantdesk.kite.rest.KiteClient;
import com.quantdesk.kite.rest.KiteException;
import com.quantdesk.kite.rest.KiteSession;
import com.quantdesk.kite.rest.KiteTransport;
import com.quantdesk.kite.rest.EndpointClass;
import com.quantdesk.kite.ticker.KiteTickSource;
import com.quantdesk.kite.ticker.KiteTicker;
import com.quantdesk.kite.ticker.OrderUpdate;
import com.quantdesk.kite.ticker.TickerConfig;
import com.quantdesk.kite.ticker.TickerListener;
import com.quantdesk.kite.ticker.TickerMode;
import com.quantdesk.kite.ticker.TickerPacket;
import com.quantdesk.kite.ticker.TickerState;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.feed.FailoverConfig;
import com.quantdesk.sim.feed.FailoverFeed;
import com.quantdesk.sim.feed.FeedRole;
import com.quantdesk.sim.feed.TickFeedRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The market of live trading through Kite Connect for one account: the ticker (full mode: exchange timestamps) as the
 * primary feed with REST quotes as its fallback, the {@link MarketPipeline}, and {@link KiteVenue}
 * for orders. Order updates from the ticker and verified postbacks make the venue read the order;
 * it is reconciled with Kite's book on start (before any order may go) and every
 * {@link KiteSettings#reconcileEvery()}. When Kite refuses the session, the account is halted with an
 * alert asking for a new login.
 */
public final class LiveMarket implements Market {

    /** How long the ticker may stay silent before REST quotes are read. */
    private static final Duration QUOTES_AFTER = Duration.ofSeconds(5);

    private final KiteClient client;
    private final KiteSettings settings;
    private final AccountId account;
    private final InstrumentMaster instruments;
    private final Map<Long, Symbol> symbolsByToken;
    private final PaperRuntime.MarketContext context;
    private final KiteVenue venue;
    private final KiteTickSource ticks;
    private final KiteTicker ticker;
    private final QuotePolling quotes;
    private final FailoverFeed feed;
    private final MarketPipeline pipeline;
    private final AtomicBoolean sessionRefused = new AtomicBoolean();
    private volatile long lastPacketNanos = System.nanoTime();
    private TradingEngine engine;
    private TickFeedRunner runner;
    private Instant nextReconcile;

    /**
     * @param symbolsByToken instrument token → symbol of every traded instrument (from the day's dump)
     */
    public LiveMarket(PaperRuntime.MarketContext context, KiteClient client, KiteSettings settings, AccountId account,
                      InstrumentMaster instruments, Map<Long, Symbol> symbolsByToken) {
        this.context = context;
        this.client = client;
        this.settings = settings;
        this.account = account;
        this.instruments = instruments;
        this.symbolsByToken = Map.copyOf(symbolsByToken);
        this.venue = new KiteVenue(client, account, context.engineThread(),
                (order, quantity, price, date) -> context.charges().charge(order, quantity, price, date),
                settings.marketProtection(), refusal -> sessionRefused(refusal.getMessage()), context.clock());
        this.ticks = new KiteTickSource(this.symbolsByToken, context.clock());
        KiteSession session = client.session();
        this.ticker = KiteTicker.create(TickerConfig.of(settings.tickerUrl(), settings.apiKey(),
                session.accessToken()), new Listener());
        this.quotes = new QuotePolling(client, List.copyOf(this.symbolsByToken.values()), context.clock(),
                Duration.ofSeconds(1), () -> System.nanoTime() - lastPacketNanos > QUOTES_AFTER.toNanos()
                || ticker.state() != TickerState.CONNECTED
                // while the feed is on REST quotes (until the ticker has been healthy a while) they go on
                || onRestQuotes());
        FailoverConfig defaults = FailoverConfig.defaults(context.hours());
        this.feed = new FailoverFeed(ticks, quotes, context.clock(), new FailoverConfig(defaults.staleAfter(),
                defaults.recoverAfter(), context.hours()),
                switched -> context.notices().accept("market data: " + switched.message()));
        this.pipeline = new MarketPipeline(context.config().feed().symbols(), Duration.ofSeconds(30), context.hours(),
                context.clock(), tick -> { }, context.notices());
    }

    /** Whether the feed is on the REST quotes (it stays there until the ticker has been healthy a while). */
    private boolean onRestQuotes() {
        return feed != null && feed.active() != FeedRole.PRIMARY;
    }

    @Override
    public InstrumentMaster instruments() {
        return instruments;
    }

    @Override
    public KiteVenue venue() {
        return venue;
    }

    @Override
    public void onJournalEvent(Event event) {
        venue.onEvent(event);
    }

    @Override
    public void bind(TradingEngine tradingEngine, MarketBoard board) {
        this.engine = tradingEngine;
        venue.attach(tradingEngine);
        pipeline.bind(tradingEngine, board);
    }

    /**
     * Reconciles with Kite's book before anything may be sent: fills made while the process was down
     * are adopted, orders Kite never received are rejected; then the cancels asked before the stop of
     * orders still open are sent again.
     *
     * @throws IllegalStateException when Kite cannot be read: live trading does not start blind
     */
    @Override
    public Settled settle(TradingEngine tradingEngine) {
        Reconciliation.Result result;
        try {
            result = venue.reconcile();
        } catch (KiteException e) {
            throw new IllegalStateException("cannot reconcile with Kite before trading (" + e.getMessage() + ")"
                    + (e instanceof KiteException.TokenException ? "; log in again: quantdesk kite login --account "
                    + account : ""), e);
        }
        int resent = 0;
        for (Order order : tradingEngine.inFlightOrders()) {
            if (tradingEngine.cancelRequested(order.id()).isPresent()) {
                tradingEngine.resendCancel(order.id());
                resent++;
            }
        }
        result.alerts().forEach(alert -> context.notices().accept("reconciliation: " + alert));
        if (result.fillsAdopted() > 0) {
            context.notices().accept("reconciliation: " + result.fillsAdopted() + " fills made at Kite while the "
                    + "process was down were booked");
        }
        nextReconcile = context.clock().instant().plus(settings.reconcileEvery());
        return new Settled(resent, result.matched(), result.notPlaced());
    }

    /** Primes the bots with the warm-up's one-minute candles from Kite's historical API. */
    @Override
    public long warmUp(Instant now) {
        Duration span = context.config().feed().warmUp();
        if (span.isZero()) {
            return 0;
        }
        Instant from = now.minus(span);
        Instant to = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(1);
        List<Tick> history = new ArrayList<>();
        for (Map.Entry<Long, Symbol> instrument : symbolsByToken.entrySet()) {
            try {
                for (KiteCandle candle : client.historical(instrument.getKey(), CandleInterval.MINUTE, from, to,
                        false, false)) {
                    history.addAll(candleTicks(instrument.getValue(), candle));
                }
            } catch (KiteException e) {
                context.notices().accept("warm-up: no history for " + instrument.getValue() + " (" + e.getMessage()
                        + "); its bots start cold");
            }
        }
        history.sort(java.util.Comparator.comparing(Tick::time));
        return pipeline.warmUp(history);
    }

    /** A one-minute candle as four ticks inside its minute, so the minute's bar is the candle. */
    static List<Tick> candleTicks(Symbol symbol, KiteCandle candle) {
        Instant start = candle.start();
        return List.of(new Tick(symbol, start, candle.open(), 0),
                new Tick(symbol, start.plusSeconds(15), candle.high(), 0),
                new Tick(symbol, start.plusSeconds(30), candle.low(), 0),
                new Tick(symbol, start.plusSeconds(45), candle.close(), candle.volume()));
    }

    @Override
    public void start(EngineLoop loop) {
        ticker.start();
        ticks.subscribeAll(ticker, TickerMode.FULL);
        quotes.start();
        runner = new TickFeedRunner(feed, tick -> loop.execute(e -> pipeline.offer(tick)), Duration.ofMillis(10));
        runner.start();
    }

    @Override
    public void onTimer(Instant now) {
        pipeline.onTimer(now);
        if (nextReconcile != null && !now.isBefore(nextReconcile)) {
            nextReconcile = now.plus(settings.reconcileEvery());
            venue.reconcileLater(result -> {
                result.alerts().forEach(alert -> context.notices().accept("reconciliation: " + alert));
                if (result.fillsAdopted() > 0 || result.notPlaced() > 0 || result.lapsed() > 0) {
                    context.notices().accept("reconciliation: " + result.fillsAdopted() + " fills adopted, "
                            + result.notPlaced() + " orders never placed rejected, " + result.lapsed() + " lapsed");
                }
            });
        }
    }

    /**
     * A postback from Kite: verified with the app's secret, then the order is read and applied.
     *
     * @throws IllegalArgumentException when the body is not a postback or its checksum does not match
     */
    public void postback(String body) {
        Postbacks.Verified verified = Postbacks.verify(body, settings.requireSecret());
        venue.orderUpdated(verified.tag(), verified.orderId());
    }

    private void sessionRefused(String message) {
        if (!sessionRefused.compareAndSet(false, true)) {
            return;
        }
        context.notices().accept("Kite refused the session (" + message + "): trading of " + account
                + " is halted; log in again with 'quantdesk kite login --account " + account + "' and restart");
        context.engineThread().execute(() -> {
            engine.execute(new SetTradingState(account, TradingState.HALTED, "KITE_SESSION_EXPIRED: Kite refused the "
                    + "session; log in again", "kite"));
            engine.raiseAlert(account, "BROKER_SESSION_EXPIRED", "Kite refused the access token (" + message
                    + "): log in again with 'quantdesk kite login --account " + account + "'");
        });
    }

    /**
     * Registers the feed's gauges: ticker reconnections and malformed messages, REST quote reads,
     * whether the REST fallback is in use and whether the session is still accepted.
     */
    public void bindMetrics(MeterRegistry registry) {
        Gauge.builder("quantdesk.kite.ticker.reconnects", ticker, KiteTicker::reconnects)
                .description("Kite ticker reconnections since the start").register(registry);
        Gauge.builder("quantdesk.kite.ticker.malformed", ticker, KiteTicker::malformedMessages)
                .description("Kite ticker messages that could not be decoded (skipped)").register(registry);
        Gauge.builder("quantdesk.kite.quotes.reads", quotes, QuotePolling::reads)
                .description("REST quote reads of the fallback feed").register(registry);
        Gauge.builder("quantdesk.kite.feed.fallback", this, m -> m.feed.active() == FeedRole.PRIMARY ? 0 : 1)
                .description("1 while ticks come from REST quotes instead of the ticker").register(registry);
        Gauge.builder("quantdesk.kite.session.valid", this, m -> m.sessionValid() ? 1 : 0)
                .description("0 once Kite has refused the access token: log in again").register(registry);
    }

    /**
     * One gauge per endpoint class: its circuit breaker's state (0 closed, 1 open, 2 half-open); and
     * the time of every call by endpoint class and outcome.
     */
    public static void breakerGauges(MeterRegistry registry, KiteTransport kite) {
        java.util.Map<String, io.micrometer.core.instrument.Timer> timers = new java.util.HashMap<>();
        for (EndpointClass endpoints : EndpointClass.values()) {
            for (String outcome : new String[] {"ok", "error"}) {
                timers.put(endpoints.name() + outcome, io.micrometer.core.instrument.Timer.builder("quantdesk.broker.call")
                        .tag("endpoint_class", endpoints.name().toLowerCase(java.util.Locale.ROOT))
                        .tag("outcome", outcome)
                        .description("Time of a Kite REST call (one attempt)")
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry));
            }
        }
        kite.observeCalls((endpoints, ok, nanos) -> timers.get(endpoints.name() + (ok ? "ok" : "error"))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS));
        for (EndpointClass endpoints : EndpointClass.values()) {
            Gauge.builder("quantdesk.kite.circuit.state", kite, t -> t.breakerState(endpoints).ordinal())
                    .tag("endpoint_class", endpoints.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Kite circuit breaker of an endpoint class: 0 closed, 1 open, 2 half-open")
                    .register(registry);
        }
    }

    /** Whether Kite refused the session since the start. */
    public boolean sessionValid() {
        return !sessionRefused.get();
    }

    @Override
    public MarketPipeline pipeline() {
        return pipeline;
    }

    @Override
    public boolean onFallback() {
        return feed.active() != FeedRole.PRIMARY;
    }

    @Override
    public String activeFeed() {
        return feed.active() == FeedRole.PRIMARY ? "kite ticker" : "kite REST quotes";
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
        ticker.close();
        quotes.close();
        venue.close();
    }

    /** The ticker's packets feed the tick source; its order updates make the venue read the order. */
    private final class Listener implements TickerListener {
        @Override
        public void onPackets(List<TickerPacket> packets) {
            lastPacketNanos = System.nanoTime();
            ticks.onPackets(packets);
        }

        @Override
        public void onOrderUpdate(OrderUpdate update) {
            venue.orderUpdated(update.tag(), update.orderId());
        }

        @Override
        public void onServerMessage(String text, boolean error) {
            if (error) {
                context.notices().accept("Kite ticker: " + text);
            }
        }
    }
}
