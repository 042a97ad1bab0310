package com.quantdesk.app.paper;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.command.OpenAccount;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.journal.DurableGateway;
import com.quantdesk.core.journal.JournalFeed;
import com.quantdesk.core.journal.JournalHealthCheck;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.core.market.NseCalendar;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.sim.cost.AccountLedgers;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.cost.NseCostModel;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.feed.FeedMode;
import com.quantdesk.sim.feed.SyntheticFeedConfig;
import com.quantdesk.sim.venue.BuyingPower;
import com.quantdesk.sim.venue.FillCharges;
import com.quantdesk.sim.venue.SimulatedVenue;
import com.quantdesk.sim.venue.TickVenue;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper-trading process: the engine on its own thread, every step durable in the journal before
 * an order leaves, bots and accounts kept in the journal, and a simulated NSE in real (or
 * accelerated) time.
 *
 * <p>Start-up order: open the store (migrations, journal key), build the engine, replay the journal
 * into it ({@link PaperRecovery}: the chain is verified, the charges ledgers and bot figures are
 * rebuilt, the query tables checked), open the configuration's accounts and create its bots that the
 * journal does not know, start the bots, settle the orders that were in flight (cancels asked for are
 * honoured before any order goes back to the venue), prime the bots with history, and only then
 * start the engine thread, the feed and the timers. Nothing can submit an order before all that.
 *
 * <p>Two ways to drive the market: {@link #start} runs a live synthetic tick feed ({@link PaperMarket});
 * {@link #startReplay} replays historical bars through the bar-driven venue on a paced clock, the way
 * a backtest sees them.
 */
public final class PaperRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaperRuntime.class);
    /** How often (real time) the timer wakes the engine: venue latencies, bar closes, risk timers. */
    private static final Duration TIMER_PERIOD = Duration.ofMillis(20);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final PaperConfig config;
    private final Store store;
    private final TradingEngine engine;
    private final EngineLoop loop;
    private final DurableGateway gateway;
    private final InstantSource clock;
    private final BotLedger ledger;
    private final PaperBots bots;
    private final Recovery recovery;
    private final Consumer<String> notices;
    private final double speed;
    // Live mode only (null in replay mode).
    private final Market market;
    private final MarketBoard board;
    private final RiskEngine risk;
    private ScheduledExecutorService timer;
    // Replay mode only (null in live mode).
    private final SimulatedVenue barVenue;
    private final ManualClock replayClock;
    private volatile boolean journalHealthy = true;
    private boolean closed;
    private final EngineThread engineThread = new EngineThread();
    private final java.nio.file.Path stateFile;
    /** The state of the running process, when asked for ({@link #writeStateEvery}). */
    static final String LIVE_STATE_FILE = "live-state.txt";

    /**
     * What start-up found in the journal and did.
     *
     * @param events             events replayed
     * @param restoredAtVenue    orders put back in the venue's book (acknowledged, still working)
     * @param notAcknowledged    orders sent but never acknowledged before the stop; marked rejected
     * @param cancelled          orders whose cancel was asked before the stop; cancelled on start
     * @param projectionsRebuilt whether the query tables disagreed with the journal and were rebuilt
     * @param warmUpBars         bars of generated history the bots were primed with
     * @param startupMillis      from opening the store to accepting orders
     */
    public record Recovery(long events, int restoredAtVenue, int notAcknowledged, int cancelled,
                           boolean projectionsRebuilt, long warmUpBars, long startupMillis) {
    }

    /**
     * How a running process gets its market.
     *
     * @param config      the process's configuration
     * @param clock       the process's clock
     * @param hours       the market's hours
     * @param charges     prices the charges of each fill, booked in the fill's account's ledger
     * @param engineThread runs a task on the engine thread
     * @param inPaperTime converts a real-time duration to time on the process's clock
     * @param notices     where operator messages go
     */
    public record MarketContext(PaperConfig config, PaperClock clock, MarketHours hours, FillCharges charges,
                                java.util.concurrent.Executor engineThread, UnaryOperator<Duration> inPaperTime,
                                Consumer<String> notices) {
    }

    /** Builds the market of a running process. */
    @FunctionalInterface
    public interface MarketFactory {
        /** The market for {@code context}. */
        Market create(MarketContext context);
    }

    /** @param marketFactory the market of a run in real time, or null for a replay */
    private PaperRuntime(PaperConfig config, StoreConfig storeConfig, MarketFactory marketFactory, double speed,
                         Consumer<String> notices) {
        long startNanos = System.nanoTime();
        this.config = config;
        this.notices = notices;
        this.speed = speed;
        try {
            Files.createDirectories(storeConfig.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + storeConfig.dataDirectory(), e);
        }
        this.store = Stores.open(storeConfig);
        this.stateFile = storeConfig.dataDirectory().resolve(LIVE_STATE_FILE);
        EngineLoop[] loopHolder = new EngineLoop[1];
        Market created = null;
        try {
            NseCostModel model = new NseCostModel(ChargeRates.zerodhaNse());
            AccountLedgers charges = new AccountLedgers(model);
            BrokerGateway venue;
            InstrumentMaster instruments;
            if (marketFactory != null) {
                PaperClock live = new PaperClock(anchor(store), speed, System::nanoTime);
                this.clock = live;
                this.replayClock = null;
                created = marketFactory.create(new MarketContext(config, live, hours(), FillCharges.of(charges),
                        engineThread, this::inPaperTime, this::notice));
                this.market = created;
                this.barVenue = null;
                instruments = market.instruments();
                venue = market.venue();
            } else {
                this.replayClock = new ManualClock(Instant.EPOCH);
                this.clock = replayClock;
                this.market = null;
                instruments = universe(config.feed().symbols());
                this.barVenue = new SimulatedVenue(new VenueConfig(config.venue().slippageBps(),
                        config.venue().volumeParticipation(), VenueConfig.defaults().priceBandPercent()),
                        instruments::find, FillCharges.of(charges));
                venue = barVenue;
            }
            this.gateway = new DurableGateway(venue, store.journal(), engineThread, System::nanoTime);
            this.engine = new TradingEngine(clock, gateway, instruments::find);
            engine.useStrategies(config.strategies());
            RiskEngine limits = new RiskEngine(paperLimits(Map.of())).withMarketHours(hours());
            for (PaperConfig.Account account : config.accounts()) {
                limits = limits.withLimits(account.id(), paperLimits(account.risk()));
            }
            this.risk = limits;
            // The venue checks buying power on its own, as a broker does, with each account's MIS leverage.
            RiskEngine accountLimits = limits;
            BuyingPower buyingPower = new BuyingPower(engine::portfolio,
                    account -> accountLimits.limits(account).misLeverage(), BuyingPower.ChargeEstimate.of(model),
                    BuyingPower.DEFAULT_MARKET_BUFFER_BPS);
            if (barVenue != null) {
                barVenue.checkFunds(buyingPower);
            } else if (venue instanceof TickVenue tickVenue) {
                tickVenue.checkFunds(buyingPower);
            }
            this.board = new MarketBoard(instruments.all(), MarketPipeline.INTERVALS);
            // Fail closed first: while the journal cannot commit, no other check's verdict matters.
            engine.addPreTradeCheck(new JournalHealthCheck(store.journal()));
            engine.attachRisk(risk);
            this.ledger = new BotLedger();

            PaperRecovery.Replayed replayed = PaperRecovery.replay(store, engine,
                    market == null ? List.<Consumer<Event>>of(charges::replay, ledger::onEvent)
                            : List.<Consumer<Event>>of(charges::replay, ledger::onEvent, market::onJournalEvent),
                    storeConfig.dataDirectory().resolve(PaperRecovery.STATE_FILE), this::notice);

            engine.addListener(new JournalFeed(store.journal()));
            engine.addListener(gateway);
            engine.addListener(ledger::onEvent);
            // The charges ledgers need an order only until it is done.
            engine.addListener(charges::forgetFinished);
            if (market != null) {
                engine.addListener(market::onJournalEvent);
                market.bind(engine, board);
            }
            openAccounts();
            PaperBots.seed(config, engine, this::notice);
            engine.start();
            Market.Settled settled = market != null ? market.settle(engine)
                    : PaperRecovery.settle(engine, Optional.empty());
            long warmUpBars = market == null ? 0 : market.warmUp(clock.instant());
            this.loop = new EngineLoop(engine, "engine", failure -> notice("ENGINE STOPPED after an internal error ("
                    + failure + "): every order is refused; restart the process"));
            loopHolder[0] = loop;
            engineThread.start(loop);
            this.bots = new PaperBots(config, loop, store.journal());
            // Ready means what start-up decided (accounts, bots, settled orders) is durable.
            answer(store.journal().durable(answer(loop.call(e -> e.nextSequence() - 1))));
            this.recovery = new Recovery(replayed.events(), settled.restoredAtVenue(), settled.notAcknowledged(),
                    settled.cancelled(), replayed.projectionsRebuilt(), warmUpBars,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        } catch (RuntimeException e) {
            if (loopHolder[0] != null) {
                try {
                    loopHolder[0].close();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (created != null) {
                created.close();
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
        return startWith(config, storeConfig, speed, c -> new PaperMarket(c.config(), c.clock(), c.hours(),
                universe(c.config().feed().symbols()), feedConfig(c.config().feed()), c.charges(), c.inPaperTime(),
                c.notices()), notices);
    }

    /**
     * Starts a process in real time on the market {@code marketFactory} builds (a broker's, for live
     * trading).
     *
     * @param speed process seconds per real second (1 for a broker's market)
     */
    public static PaperRuntime startWith(PaperConfig config, StoreConfig storeConfig, double speed,
                                         MarketFactory marketFactory, Consumer<String> notices) {
        PaperRuntime runtime = new PaperRuntime(config, storeConfig, marketFactory, speed, notices);
        runtime.startTimers();
        return runtime;
    }

    /**
     * Starts a runtime that is driven by {@link #replay(List, BarInterval, double)} instead of a feed.
     * The journal must hold no working orders.
     */
    public static PaperRuntime startReplay(PaperConfig config, StoreConfig storeConfig, Consumer<String> notices) {
        return new PaperRuntime(config, storeConfig, null, 1.0, notices);
    }

    /**
     * Opens the configuration's accounts the journal does not know, with the file's capital; an
     * account the journal knows keeps the journal's opening cash, and a different figure in the file
     * is reported.
     */
    private void openAccounts() {
        List<AccountId> known = engine.accounts();
        for (PaperConfig.Account account : config.accounts()) {
            if (!known.contains(account.id())) {
                engine.execute(new OpenAccount(account.id(), account.capitalPaise(), "configuration"));
            } else if (engine.portfolio(account.id()).initialCash() != account.capitalPaise()) {
                notice("account " + account.id() + ": the configuration says capital ₹"
                        + Paise.format(account.capitalPaise()) + ", but the journal opened it with ₹"
                        + Paise.format(engine.portfolio(account.id()).initialCash()) + "; the journal's figure stands");
            }
        }
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
        market.start(loop);
    }

    /** Timer work, on the timer thread: hand the engine thread its time-driven work, watch the journal. */
    private void tick() {
        try {
            loop.execute(e -> {
                market.onTimer(clock.instant());
                gateway.expireHeld();
                e.onTime();
            });
        } catch (IllegalStateException closingOrStopped) {
            return;
        }
        boolean healthy = store.journal().isHealthy();
        if (healthy != journalHealthy) {
            journalHealthy = healthy;
            notice(healthy ? "database reachable again: new orders are accepted"
                    : "database unreachable: new orders are refused until it is back; events are kept in memory");
        }
    }

    private void notice(String message) {
        LOG.info(message);
        notices.accept(message);
    }

    /**
     * Hands work to the engine thread; work that comes before the thread exists (a commit the journal
     * completes during start-up) waits for it.
     */
    private static final class EngineThread implements java.util.concurrent.Executor {
        private final List<Runnable> early = new ArrayList<>();
        private EngineLoop loop;

        @Override
        public synchronized void execute(Runnable task) {
            if (loop == null) {
                early.add(task);
            } else {
                loop.execute(e -> task.run());
            }
        }

        synchronized void start(EngineLoop started) {
            loop = started;
            for (Runnable task : early) {
                loop.execute(e -> task.run());
            }
            early.clear();
        }
    }

    /**
     * Writes the running engine's state description to {@code live-state.txt} in the data directory
     * every {@code period}, whenever everything the engine has done is durable (so the file is the
     * state of a journal prefix, comparable with {@code quantdesk journal state --until N}).
     */
    public void writeStateEvery(Duration period) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                var facts = answer(loop.call(e -> e.nextSequence() - 1 == store.journal().lastSequence()
                        ? e.describeState() : null));
                if (facts != null) {
                    PaperRecovery.writeState(facts, stateFile);
                }
            } catch (IllegalStateException closingOrStopped) {
                // The process is stopping; the last file written stays.
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
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
                board.onReplayedBar(bar, interval);
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
     * a paused bot starts paused). The bot is journaled: a restart brings it back.
     *
     * @throws IllegalArgumentException naming the field when the bot's id is taken, its account or a
     *                                  symbol is unknown, or its strategy or parameters are invalid
     */
    public void createBot(PaperConfig.Bot bot) {
        bots.create(bot);
    }

    /** Starts a stopped bot: a fresh strategy on the positions the bot has. */
    public void startBot(BotId bot) {
        bots.start(bot);
    }

    /** Pauses a bot: it keeps receiving bars (indicators stay warm) but its new orders are refused. */
    public void pauseBot(BotId bot) {
        bots.pause(bot);
    }

    /** Resumes a paused bot; a halt the risk engine put on it stays. */
    public void resumeBot(BotId bot) {
        bots.resume(bot);
    }

    /**
     * Stops a bot: its open orders are cancelled and it takes no more bars. Its positions stay in the
     * account and in its book.
     */
    public void stopBot(BotId bot) {
        bots.stop(bot);
    }

    /** Stops a bot and deletes it; its orders and fills stay in the journal, and its id is not reused. */
    public void deleteBot(BotId bot) {
        bots.delete(bot);
    }

    /** The bots that are not deleted, in the order they were created. */
    public List<PaperConfig.Bot> bots() {
        List<PaperConfig.Bot> list = new ArrayList<>();
        for (PaperBots.Listed bot : bots.list()) {
            var d = bot.definition();
            if (d == null) {
                continue; // added directly, without a definition: not a bot this runtime manages
            }
            list.add(new PaperConfig.Bot(bot.id(), d.account(), d.strategy(), d.params(), d.symbols(),
                    d.interval().length(), bot.state()));
        }
        return list;
    }

    /**
     * A bot's state.
     *
     * @throws IllegalArgumentException if there is no such bot
     */
    public BotState state(BotId bot) {
        return bots.state(bot);
    }

    // ---------------------------------------------------------------- status

    /** A snapshot of the process, taken on the engine thread. */
    public PaperStatus status() {
        long journaled = store.journal().lastSequence();
        boolean healthy = store.journal().isHealthy();
        String feedName = market == null ? "replay" : market.activeFeed();
        return answer(loop.call(e -> {
            List<PaperStatus.AccountFigures> accounts = new ArrayList<>();
            for (AccountId account : e.accounts()) {
                var p = e.portfolio(account);
                accounts.add(new PaperStatus.AccountFigures(account, p.cash(), p.equity(), p.chargesPaid()));
            }
            List<PaperStatus.BotStatus> botStatuses = new ArrayList<>();
            for (BotId id : e.bots()) {
                var definition = e.botDefinition(id);
                botStatuses.add(new PaperStatus.BotStatus(id, definition.map(d -> d.account()).orElse(AccountId.SYSTEM),
                        definition.map(d -> d.strategy()).orElse("?"), e.botState(id).orElseThrow(),
                        ledger.figures(id, e::lastPrice)));
            }
            return new PaperStatus(e.now(), journaled, healthy, feedName, market == null ? 0 : market.ticksAccepted(),
                    market == null ? Map.of() : market.ticksDropped(), e.openOrders().size(), accounts, botStatuses);
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

    /** The risk engine attached to the engine (engine thread only). */
    public RiskEngine risk() {
        return risk;
    }

    /** Quotes and recent bars, for the API. */
    public MarketBoard marketBoard() {
        return board;
    }

    /**
     * Whether market data is fresh enough to trade on, as the feed's stale-data watch sees it (a
     * replay's market is its bars: always fresh).
     */
    public boolean marketDataFresh() {
        return market == null || market.fresh();
    }

    /** Registers the market-data meters (ticks, drops, staleness, source) when a feed runs. */
    public void bindFeedMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        if (market != null) {
            FeedMetrics.bind(registry, market);
        }
    }

    /** Whether the market's session is open now, on the runtime's clock. Any thread. */
    public boolean marketOpen() {
        return hours().isOpen(clock.instant());
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
        if (market != null) {
            market.close();
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
                LOG.info("shutdown: engine stopped; the journal is durable up to event {}", last);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("the journal did not confirm the last events before shutdown: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } catch (IllegalStateException stopped) {
            LOG.warn("the engine could not stop its strategies: {}", stopped.getMessage());
        } finally {
            try {
                loop.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    static <T> T answer(CompletableFuture<T> future) {
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

    private static SyntheticFeedConfig feedConfig(PaperConfig.Feed feed) {
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
