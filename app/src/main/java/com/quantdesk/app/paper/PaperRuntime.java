package com.quantdesk.app.paper;

import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.ResetKillSwitch;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.journal.DurableGateway;
import com.quantdesk.core.journal.JournalHealthCheck;
import com.quantdesk.core.market.BarAggregation;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.market.DropReason;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.core.market.NseCalendar;
import com.quantdesk.core.market.StaleFeedDetector;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickFilter;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.cost.ChargesLedger;
import com.quantdesk.sim.cost.NseCostModel;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.feed.FailoverConfig;
import com.quantdesk.sim.feed.FailoverFeed;
import com.quantdesk.sim.feed.FeedMode;
import com.quantdesk.sim.feed.FeedSwitched;
import com.quantdesk.sim.feed.SyntheticFeedConfig;
import com.quantdesk.sim.feed.SyntheticTickFeed;
import com.quantdesk.sim.feed.TickFeedRunner;
import com.quantdesk.sim.venue.FillCharges;
import com.quantdesk.sim.venue.SimulatedVenue;
import com.quantdesk.sim.venue.TickVenue;
import com.quantdesk.sim.venue.TickVenueConfig;
import com.quantdesk.sim.venue.VenueConfig;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper-trading process: the engine on its own thread, every event durable in the journal before
 * an order leaves, bots from the configuration, and a simulated NSE in real (or accelerated) time.
 *
 * <p>Start-up order: open the store (migrations), build the engine with its accounts and bots,
 * replay the journal into it, put the venue's resting orders back, reconcile orders that were sent
 * but never acknowledged, and only then start the engine thread, the feed and the timers. Nothing
 * can submit an order before reconciliation is done.
 *
 * <p>Two ways to drive the market: {@link #start} runs a live synthetic tick feed (ticks → quality
 * filter → tick-driven venue and bar aggregation → bots); {@link #startReplay} replays historical
 * bars through the bar-driven venue on a paced clock, the way a backtest sees them.
 */
public final class PaperRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaperRuntime.class);
    /** How often (real time) the timer wakes the engine: venue latencies, bar closes, risk timers. */
    private static final Duration TIMER_PERIOD = Duration.ofMillis(20);
    /** How often (real time) the feed is polled. */
    private static final Duration FEED_PERIOD = Duration.ofMillis(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** The reason recorded when a bot is paused; a later resume only lifts a halt with this reason. */
    static final String PAUSE_REASON = "bot paused";

    private final PaperConfig config;
    private final Store store;
    private final TradingEngine engine;
    private final EngineLoop loop;
    private final DurableGateway gateway;
    private final InstantSource clock;
    private final BotLedger ledger;
    private final Map<BotId, PaperConfig.Bot> botConfigs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<BotId, PaperConfig.BotState> botStates = new ConcurrentHashMap<>();
    private final Recovery recovery;
    private final Consumer<String> notices;
    // Live mode only (null in replay mode).
    private final TickVenue tickVenue;
    private final TickFilter filter;
    private final BarAggregation aggregation;
    private final FailoverFeed feed;
    private final StaleFeedDetector<Symbol> staleness;
    private TickFeedRunner feedRunner;
    private ScheduledExecutorService timer;
    // Replay mode only (null in live mode).
    private final SimulatedVenue barVenue;
    private final ManualClock replayClock;
    private final double speed;
    // Start-up only (constructing thread, before the engine thread exists).
    private boolean warming;
    private long warmUpBars;
    private volatile boolean journalHealthy = true;
    private boolean closed;

    /**
     * What start-up found in the journal.
     *
     * @param events             events replayed
     * @param restoredAtVenue    orders put back in the venue's book (acknowledged, still working)
     * @param notAcknowledged    orders sent but never acknowledged before the stop; marked rejected
     * @param warmUpBars         bars of generated history the bots were primed with
     * @param startupMillis      from opening the store to accepting orders
     */
    public record Recovery(long events, int restoredAtVenue, int notAcknowledged, long warmUpBars,
                           long startupMillis) {
    }

    /** @param liveSpeed paper seconds per real second of a live run, or empty for a replay */
    private PaperRuntime(PaperConfig config, StoreConfig storeConfig, OptionalDouble liveSpeed,
                         Consumer<String> notices) {
        long startNanos = System.nanoTime();
        this.config = Objects.requireNonNull(config, "config");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.speed = liveSpeed.orElse(1.0);
        try {
            Files.createDirectories(storeConfig.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + storeConfig.dataDirectory(), e);
        }
        this.store = Stores.open(storeConfig);
        EngineLoop[] loopHolder = new EngineLoop[1];
        try {
            Optional<PaperClock> liveClock = liveSpeed.isPresent()
                    ? Optional.of(new PaperClock(anchor(store), speed, System::nanoTime))
                    : Optional.empty();
            boolean live = liveClock.isPresent();
            SyntheticFeedConfig feedConfig = feedConfig(config.feed());
            InstrumentMaster master;
            FailoverFeed failover = null;
            SyntheticTickFeed primary = null;
            SyntheticTickFeed secondary = null;
            if (live) {
                InstrumentMaster universe = universe(config.feed().symbols());
                // Both sources start with the warm-up's history, so they stay in step.
                Instant historyFrom = liveClock.get().instant().minus(config.feed().warmUp());
                primary = new SyntheticTickFeed(feedConfig, universe, liveClock.get(), historyFrom);
                secondary = new SyntheticTickFeed(feedConfig, universe, liveClock.get(), historyFrom);
                master = primary.instruments();
                FailoverConfig defaults = FailoverConfig.defaults(hours());
                failover = new FailoverFeed(primary, secondary, liveClock.get(), new FailoverConfig(
                        inPaperTime(defaults.staleAfter()), inPaperTime(defaults.recoverAfter()), hours()),
                        this::onFeedSwitched);
                this.clock = liveClock.get();
                this.replayClock = null;
            } else {
                master = universe(config.feed().symbols());
                this.replayClock = new ManualClock(Instant.EPOCH);
                this.clock = replayClock;
            }
            this.feed = failover;
            Function<Symbol, Optional<Instrument>> instruments = master::find;
            ChargesLedger charges = new ChargesLedger(new NseCostModel(ChargeRates.zerodhaNse()));
            BrokerGateway venue;
            if (live) {
                PaperConfig.Venue v = config.venue();
                this.tickVenue = new TickVenue(new TickVenueConfig(v.ackLatency(), v.fillLatency(), v.slippageBps(),
                        v.volumeParticipation(), VenueConfig.defaults().priceBandPercent()), instruments,
                        FillCharges.of(charges));
                this.barVenue = null;
                venue = tickVenue;
            } else {
                this.barVenue = new SimulatedVenue(new VenueConfig(config.venue().slippageBps(),
                        config.venue().volumeParticipation(), VenueConfig.defaults().priceBandPercent()), instruments,
                        FillCharges.of(charges));
                this.tickVenue = null;
                venue = barVenue;
            }
            this.gateway = new DurableGateway(venue, store.journal(), task -> loopHolder[0].execute(e -> task.run()));
            this.engine = new TradingEngine(clock, gateway, instruments);
            RiskEngine risk = new RiskEngine(paperLimits(Map.of())).withMarketHours(hours());
            for (PaperConfig.Account account : config.accounts()) {
                risk = risk.withLimits(account.id(), paperLimits(account.risk()));
                engine.openAccount(account.id(), account.capitalPaise());
            }
            engine.attachRisk(risk);
            for (PaperConfig.Bot bot : config.bots()) {
                botConfigs.put(bot.id(), bot);
                botStates.put(bot.id(), PaperConfig.BotState.STOPPED);
                if (bot.state() != PaperConfig.BotState.STOPPED) {
                    addToEngine(bot);
                }
            }
            this.ledger = new BotLedger();
            Map<BotId, TradingStateChanged> lastBotChange = new HashMap<>();
            long[] replayed = {0};
            store.journal().replay(event -> {
                engine.recover(event);
                ledger.onEvent(event);
                if (event instanceof TradingStateChanged t && !t.bot().equals(BotId.NONE)) {
                    lastBotChange.put(t.bot(), t);
                }
                replayed[0]++;
            });
            int restored = 0;
            List<Order> unacknowledged = new ArrayList<>();
            for (Order order : engine.inFlightOrders()) {
                if (order.status() == OrderStatus.ACCEPTED || order.status() == OrderStatus.PARTIALLY_FILLED) {
                    if (tickVenue == null) {
                        throw new IllegalStateException("replay needs an empty journal, but order " + order.id()
                                + " is still working from an earlier run; use another data directory");
                    }
                    tickVenue.restore(order);
                    restored++;
                } else {
                    unacknowledged.add(order);
                }
            }
            engine.addListener(store.journal()::append);
            engine.addListener(gateway);
            engine.addListener(ledger::onEvent);
            // The charges ledger needs an order only until it is done.
            engine.addListener(charges::forgetFinished);
            engine.addPreTradeCheck(new JournalHealthCheck(store.journal()));
            if (live) {
                this.filter = new TickFilter(this::onCleanTick);
                // Every interval a bot may ask for, so a bot created later finds its bars.
                Set<BarInterval> intervals = new TreeSet<>(List.of(BarInterval.ONE_MINUTE, BarInterval.FIVE_MINUTES,
                        BarInterval.FIFTEEN_MINUTES, BarInterval.ONE_HOUR, BarInterval.ONE_DAY));
                this.aggregation = new BarAggregation(intervals, (interval, bar) -> {
                    if (warming) {
                        engine.warmUp(bar, interval);
                        warmUpBars++;
                    } else {
                        engine.onBar(bar, interval);
                    }
                });
                this.staleness = new StaleFeedDetector<>(inPaperTime(Duration.ofSeconds(30)), hours(), clock,
                        event -> notice("market data: " + event));
                config.feed().symbols().forEach(staleness::watch);
            } else {
                this.filter = null;
                this.aggregation = null;
                this.staleness = null;
            }
            engine.start();
            // The venue in this process lost whatever it had not acknowledged: nothing was sent twice,
            // and the strategy's decision is stale, so such orders end as rejected, not resent. This
            // runs before the engine thread exists, so no new order can come first.
            for (Order order : unacknowledged) {
                engine.reports().rejected(order.id(), "VENUE_NOT_ACKNOWLEDGED",
                        "the venue had not acknowledged the order when the process stopped; it was not resent");
            }
            if (live) {
                // History up to now primes the bots' indicators; the venue and the risk engine never see it.
                Instant now = clock.instant();
                warming = true;
                for (Tick tick : primary.next(now)) {
                    filter.offer(tick);
                }
                secondary.next(now);
                warming = false;
            }
            this.loop = new EngineLoop(engine, "engine");
            loopHolder[0] = loop;
            applyBotStates(lastBotChange);
            persistBots();
            this.recovery = new Recovery(replayed[0], restored, unacknowledged.size(), warmUpBars,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        } catch (RuntimeException e) {
            if (loopHolder[0] != null) {
                try {
                    loopHolder[0].close();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            store.close();
            throw e;
        }
    }

    /**
     * Starts paper trading on the live synthetic feed.
     *
     * @param speed   paper seconds per real second (1 = real time)
     * @param notices where operator messages go (feed switches, database loss and return)
     */
    public static PaperRuntime start(PaperConfig config, StoreConfig storeConfig, double speed,
                                     Consumer<String> notices) {
        PaperRuntime runtime = new PaperRuntime(config, storeConfig, OptionalDouble.of(speed), notices);
        runtime.startTimers();
        return runtime;
    }

    /**
     * Starts a runtime that is driven by {@link #replay(List, BarInterval, double)} instead of a feed.
     * The journal must hold no working orders.
     */
    public static PaperRuntime startReplay(PaperConfig config, StoreConfig storeConfig, Consumer<String> notices) {
        return new PaperRuntime(config, storeConfig, OptionalDouble.empty(), notices);
    }

    /**
     * Where a live clock starts: now, or just after the last journaled event when that is later (an
     * accelerated run can be ahead of the wall clock; time never goes back across a restart).
     */
    private static Instant anchor(Store store) {
        Instant now = Instant.now();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT time FROM events ORDER BY sequence DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            if (r.next()) {
                Instant last = Instant.parse(r.getString(1));
                if (!now.isAfter(last)) {
                    return last.plusMillis(1);
                }
            }
            return now;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal's last event: " + e.getMessage(), e);
        }
    }

    private void startTimers() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "paper-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::tick, TIMER_PERIOD.toNanos(), TIMER_PERIOD.toNanos(), TimeUnit.NANOSECONDS);
        feedRunner = new TickFeedRunner(feed, tick -> loop.execute(e -> filter.offer(tick)), FEED_PERIOD);
        feedRunner.start();
    }

    /** Timer work, on the timer thread: hand the engine thread its time-driven work, watch the journal. */
    private void tick() {
        try {
            loop.execute(e -> {
                Instant now = clock.instant();
                tickVenue.advance(now);
                aggregation.flush(now);
                staleness.check();
                e.onTime();
            });
        } catch (IllegalStateException closing) {
            return;
        }
        boolean healthy = store.journal().isHealthy();
        if (healthy != journalHealthy) {
            journalHealthy = healthy;
            notice(healthy ? "database reachable again: new orders are accepted"
                    : "database unreachable: new orders are refused until it is back; events are kept in memory");
        }
    }

    private void onCleanTick(Tick tick) {
        if (warming) {
            aggregation.onTick(tick);
            return;
        }
        staleness.onTick(tick.symbol(), tick.time());
        tickVenue.onTick(tick);
        aggregation.onTick(tick);
    }

    private void onFeedSwitched(FeedSwitched switched) {
        notice("market data: " + switched.message());
    }

    private void notice(String message) {
        LOG.info(message);
        notices.accept(message);
    }

    // ---------------------------------------------------------------- replay

    /**
     * Replays bars (in time order) as a backtest would see them: for each, the clock moves to the
     * bar's time, time-driven risk work runs, the venue matches resting orders, the bots decide.
     * After each bar it waits until every order the bar caused has been journaled and sent, so the
     * venue sees the same orders at the same bar as in a backtest; {@code speed} paces the bars
     * (paper seconds per real second; {@code Double.POSITIVE_INFINITY} for no pause).
     */
    public void replay(List<Bar> bars, BarInterval interval, double speed) {
        if (barVenue == null) {
            throw new IllegalStateException("this runtime runs a live feed; start it with startReplay");
        }
        Instant previous = null;
        for (Bar bar : bars) {
            if (previous != null && Double.isFinite(speed)) {
                long gap = Duration.between(previous, bar.time()).toNanos();
                LockSupport.parkNanos((long) (gap / speed));
            }
            previous = bar.time();
            answer(loop.call(e -> {
                replayClock.set(bar.time());
                e.onTime();
                barVenue.onBar(bar);
                e.onBar(bar, interval);
                return null;
            }));
            settle();
        }
    }

    /** Waits until no order is held back for the journal (each then reached the venue). */
    private void settle() {
        for (;;) {
            long last = answer(loop.call(e -> e.nextSequence() - 1));
            answer(store.journal().durable(last));
            if (answer(loop.call(e -> gateway.waitingOrders())) == 0) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    // ---------------------------------------------------------------- bots

    /**
     * Adds a bot to the running process, in the state its configuration gives (running or stopped;
     * a paused bot starts paused).
     *
     * @throws IllegalArgumentException naming the field when the bot's id is taken, its account or a
     *                                  symbol is unknown, or its strategy or parameters are invalid
     */
    public void createBot(PaperConfig.Bot bot) {
        if (botConfigs.containsKey(bot.id())) {
            throw new IllegalArgumentException("bots." + bot.id() + ": a bot with this id already exists");
        }
        if (config.accounts().stream().noneMatch(a -> a.id().equals(bot.account()))) {
            throw new IllegalArgumentException("bots." + bot.id() + ".account: no account " + bot.account());
        }
        for (Symbol symbol : bot.symbols()) {
            if (!config.feed().symbols().contains(symbol)) {
                throw new IllegalArgumentException("bots." + bot.id() + ".symbols: " + symbol + " is not in feed.symbols");
            }
        }
        try {
            StrategyCatalog.builtIns().get(bot.strategy()).create(bot.params());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bots." + bot.id() + ": " + e.getMessage(), e);
        }
        botConfigs.put(bot.id(), bot);
        setState(bot.id(), PaperConfig.BotState.STOPPED);
        if (bot.state() != PaperConfig.BotState.STOPPED) {
            startBot(bot.id());
            if (bot.state() == PaperConfig.BotState.PAUSED) {
                pauseBot(bot.id());
            }
        }
    }

    /** Starts a stopped bot from its configuration. */
    public void startBot(BotId bot) {
        PaperConfig.Bot config = botConfig(bot);
        if (botStates.get(bot) != PaperConfig.BotState.STOPPED) {
            throw new IllegalArgumentException("bot " + bot + " is already " + state(bot));
        }
        answer(loop.call(e -> {
            addToEngine(config);
            return null;
        }));
        setState(bot, PaperConfig.BotState.RUNNING);
    }

    /** Pauses a bot: it keeps receiving bars (indicators stay warm) but its new orders are refused. */
    public void pauseBot(BotId bot) {
        PaperConfig.Bot config = botConfig(bot);
        if (botStates.get(bot) != PaperConfig.BotState.RUNNING) {
            throw new IllegalArgumentException("bot " + bot + " is " + state(bot) + ", not running");
        }
        CommandResult result = answer(loop.submit(new SetTradingState(config.account(), bot, TradingState.HALTED,
                PAUSE_REASON, "operator")));
        if (!result.accepted()) {
            throw new IllegalStateException("bot " + bot + " could not be paused: " + result.message());
        }
        setState(bot, PaperConfig.BotState.PAUSED);
    }

    /** Resumes a paused bot. */
    public void resumeBot(BotId bot) {
        PaperConfig.Bot config = botConfig(bot);
        if (botStates.get(bot) != PaperConfig.BotState.PAUSED) {
            throw new IllegalArgumentException("bot " + bot + " is " + state(bot) + ", not paused");
        }
        answer(loop.submit(new ResetKillSwitch(config.account(), bot, "bot resumed", "operator")));
        setState(bot, PaperConfig.BotState.RUNNING);
    }

    /**
     * Stops a bot: its open orders are cancelled and it takes no more bars. Its positions stay in the
     * account.
     */
    public void stopBot(BotId bot) {
        botConfig(bot);
        answer(loop.call(e -> {
            for (Order order : e.openOrders()) {
                if (order.bot().equals(bot)) {
                    e.execute(new CancelOrder(order.id(), "bot stopped"));
                }
            }
            e.removeBot(bot);
            return null;
        }));
        setState(bot, PaperConfig.BotState.STOPPED);
    }

    /** Stops a bot and forgets it; its orders and fills stay in the journal. */
    public void deleteBot(BotId bot) {
        stopBot(bot);
        botConfigs.remove(bot);
        botStates.remove(bot);
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM bots WHERE bot_id = ?")) {
            s.setString(1, bot.value());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("bot " + bot + " was stopped but could not be removed from the database: "
                    + e.getMessage(), e);
        }
    }

    /** The bots, in the order they were configured or created. */
    public List<PaperConfig.Bot> bots() {
        synchronized (botConfigs) {
            return List.copyOf(botConfigs.values());
        }
    }

    /** A bot's state. */
    public PaperConfig.BotState state(BotId bot) {
        botConfig(bot);
        return botStates.get(bot);
    }

    private PaperConfig.Bot botConfig(BotId bot) {
        PaperConfig.Bot config = botConfigs.get(bot);
        if (config == null) {
            throw new IllegalArgumentException("no bot " + bot);
        }
        return config;
    }

    private void addToEngine(PaperConfig.Bot bot) {
        engine.addBot(bot.id(), bot.account(), StrategyCatalog.builtIns().get(bot.strategy()).create(bot.params()),
                bot.symbols(), new BarInterval(bot.bar()));
        botStates.put(bot.id(), PaperConfig.BotState.RUNNING);
    }

    /** Brings each bot's trading state in line with its configured state, after recovery. */
    private void applyBotStates(Map<BotId, TradingStateChanged> lastChange) {
        for (PaperConfig.Bot bot : config.bots()) {
            TradingStateChanged last = lastChange.get(bot.id());
            boolean pausedBefore = last != null && last.current() == TradingState.HALTED
                    && PAUSE_REASON.equals(last.reason());
            if (bot.state() == PaperConfig.BotState.PAUSED) {
                if (!pausedBefore) {
                    answer(loop.submit(new SetTradingState(bot.account(), bot.id(), TradingState.HALTED, PAUSE_REASON,
                            "configuration")));
                }
                botStates.put(bot.id(), PaperConfig.BotState.PAUSED);
            } else if (bot.state() == PaperConfig.BotState.RUNNING && pausedBefore) {
                answer(loop.submit(new ResetKillSwitch(bot.account(), bot.id(), "bot resumed", "configuration")));
            }
        }
    }

    private void setState(BotId bot, PaperConfig.BotState state) {
        botStates.put(bot, state);
        persistBots();
    }

    /** Writes every bot and its state to the {@code bots} table (outside the engine thread). */
    private void persistBots() {
        String now = clock.instant().toString();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO bots (bot_id, account, strategy, params, state, created_at, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (bot_id) DO UPDATE SET account = excluded.account, strategy = excluded.strategy,
                         params = excluded.params, state = excluded.state, updated_at = excluded.updated_at""")) {
            for (PaperConfig.Bot bot : bots()) {
                s.setString(1, bot.id().value());
                s.setString(2, bot.account().value());
                s.setString(3, bot.strategy());
                s.setString(4, describe(bot));
                s.setString(5, botStates.get(bot.id()).name());
                s.setString(6, now);
                s.setString(7, now);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            // The bots table is a view for operators; trading state lives in the journal.
            LOG.warn("could not record the bots' states: {}", e.getMessage());
        }
    }

    private static String describe(PaperConfig.Bot bot) {
        Map<String, String> sorted = new java.util.TreeMap<>(bot.params());
        return sorted + " symbols=" + bot.symbols() + " bar=" + new BarInterval(bot.bar());
    }

    // ---------------------------------------------------------------- status

    /** A snapshot of the process, taken on the engine thread. */
    public PaperStatus status() {
        long journaled = store.journal().lastSequence();
        boolean healthy = store.journal().isHealthy();
        String feedName = feed == null ? "replay" : feed.active().name().toLowerCase(java.util.Locale.ROOT);
        return answer(loop.call(e -> {
            Map<String, Long> dropped = new LinkedHashMap<>();
            if (filter != null) {
                for (DropReason reason : DropReason.values()) {
                    long n = filter.dropped(reason);
                    if (n > 0) {
                        dropped.put(reason.name(), n);
                    }
                }
            }
            List<PaperStatus.AccountFigures> accounts = new ArrayList<>();
            for (PaperConfig.Account account : config.accounts()) {
                var p = e.portfolio(account.id());
                accounts.add(new PaperStatus.AccountFigures(account.id(), p.cash(), p.equity(), p.chargesPaid()));
            }
            List<PaperStatus.BotStatus> bots = new ArrayList<>();
            for (PaperConfig.Bot bot : bots()) {
                bots.add(new PaperStatus.BotStatus(bot.id(), bot.account(), bot.strategy(), botStates.get(bot.id()),
                        ledger.figures(bot.id(), e::lastPrice)));
            }
            return new PaperStatus(e.now(), journaled, healthy, feedName, filter == null ? 0 : filter.accepted(),
                    dropped, e.openOrders().size(), accounts, bots);
        }));
    }

    /** What start-up found and did. */
    public Recovery recovery() {
        return recovery;
    }

    /** The store (journal and projections). */
    public Store store() {
        return store;
    }

    /** The engine loop, for commands from other threads. */
    public EngineLoop loop() {
        return loop;
    }

    /** The configuration the runtime was started with. */
    public PaperConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * Stops the feed and timers, lets the strategies stop, waits for the journal to commit what is
     * queued and closes the store. Working orders stay working: the next start puts them back.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (feedRunner != null) {
            feedRunner.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            long last = answer(loop.call(e -> {
                e.stop();
                return e.nextSequence() - 1;
            }));
            try {
                store.journal().durable(last).get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("the journal did not confirm the last events before shutdown: {}", e.toString());
            }
            loop.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static <T> T answer(CompletableFuture<T> future) {
        try {
            return future.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the engine did not answer within " + ANSWER_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private MarketHours hours() {
        return config.feed().mode() == PaperConfig.FeedMode.DEMO ? MarketHours.always()
                : MarketHours.nse(new HashSet<>(config.feed().holidays()));
    }

    /** The production limits with {@code overrides}, adjusted to this runtime's market and clock. */
    private RiskLimits paperLimits(Map<String, String> overrides) {
        RiskLimits limits = RiskLimits.defaults();
        if (config.feed().mode() == PaperConfig.FeedMode.DEMO) {
            // The demo market never closes: session rules would stop it at 15:20 IST.
            limits = limits.with("enforceMarketHours", "false").with("misSquareOff", "false");
        }
        limits = limits.with(overrides);
        // Silence of the feed is a real-time matter: on an accelerated clock a hiccup of 100 ms would
        // otherwise be a minute without data and throw the kill switch.
        return limits.with("staleDataAfter", inPaperTime(limits.staleDataAfter()).toString());
    }

    /** How much paper time passes in {@code realTime} on this runtime's clock. */
    private Duration inPaperTime(Duration realTime) {
        return Duration.ofNanos((long) (realTime.toNanos() * speed));
    }

    private SyntheticFeedConfig feedConfig(PaperConfig.Feed feed) {
        FeedMode mode = feed.mode() == PaperConfig.FeedMode.DEMO ? FeedMode.DEMO : FeedMode.NSE_SESSION;
        return SyntheticFeedConfig.defaults(mode).withSeed(feed.seed()).withInterval(feed.interval())
                .withCalendar(NseCalendar.weekdays().withHolidays(new HashSet<>(feed.holidays())));
    }

    private static InstrumentMaster universe(List<Symbol> symbols) {
        InstrumentMaster nifty = InstrumentMaster.nifty50();
        List<Instrument> chosen = new ArrayList<>();
        for (Symbol symbol : symbols) {
            chosen.add(nifty.find(symbol).orElseThrow(() -> new IllegalArgumentException(
                    "feed.symbols: " + symbol + " is not in the NIFTY 50 universe the synthetic feed quotes")));
        }
        return InstrumentMaster.of(chosen);
    }
}
