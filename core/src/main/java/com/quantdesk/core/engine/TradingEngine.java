package com.quantdesk.core.engine;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.command.ActivateKillSwitch;
import com.quantdesk.core.command.BotCommand;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.Command;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.CreateBot;
import com.quantdesk.core.command.ModifyOrder;
import com.quantdesk.core.command.OpenAccount;
import com.quantdesk.core.command.RecordAudit;
import com.quantdesk.core.command.ResetKillSwitch;
import com.quantdesk.core.command.RiskCommand;
import com.quantdesk.core.command.SetBotLimits;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.AuditRecorded;
import com.quantdesk.core.event.ClosingPriceRecorded;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderEvent;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyFactory;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import com.quantdesk.core.trace.Tracer;
import com.quantdesk.core.trace.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer trading engine: it owns orders, positions, cash, trading states and bots, and
 * every change to them happens here, on one thread, as numbered events.
 *
 * <p>A backtest calls it directly from its replay loop. Live and paper mode wrap it in an
 * {@link EngineLoop}, which hands it commands, bars and venue reports on its own thread. The engine
 * never blocks and never reads the wall clock: time comes from the injected {@link InstantSource}.
 *
 * <p>Work runs in steps ({@link EngineSteps}): one input and everything it causes. Listeners hear
 * every event as it happens and {@link EngineListener#onStepEnd()} when a step is over, which is
 * when the journal commits the step's events together. Every event changes the engine's state
 * through {@link EngineState#apply}, the same code a restart replays the journal through.
 */
public final class TradingEngine implements EngineView {

    private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);

    private final InstantSource clock;
    private final Function<Symbol, Optional<Instrument>> instruments;
    private final List<EngineListener> listeners = new ArrayList<>();
    private final List<PreTradeCheck> checks = new ArrayList<>();
    private final EngineSteps steps = new EngineSteps(this::stepEnded);
    private final EngineBots bots = new EngineBots(this);
    private final EngineState state = new EngineState(bots);
    private final TradingControls controls = new TradingControls(this, state);
    private final VenueReports reports = new VenueReports(this, state, bots);
    private final OrderEntry orders;
    // The last bar's symbol with its price holder and bots: bars of one symbol follow each other.
    private Symbol barSymbol;
    private long[] barPrice;
    private BotRuntime[] barBots;
    private RiskHook risk;
    /** The risk engine's time-driven work at the clock's time: one object for every call of {@link #onTime}. */
    private final Runnable riskTime = () -> risk.onTime(now());
    private long nextSequence = 1;
    private long nextId = 1;
    private long recovered;
    private Instant lastEventTime;
    private boolean warmingUp;
    private boolean started;

    /**
     * An engine.
     *
     * @param clock       engine time
     * @param gateway     the venue orders go to
     * @param instruments the instrument master
     */
    public TradingEngine(InstantSource clock, BrokerGateway gateway,
                         Function<Symbol, Optional<Instrument>> instruments) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(gateway, "gateway");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.orders = new OrderEntry(this, state, bots, gateway, checks, instruments);
        gateway.connect(reports);
    }

    // ---------------------------------------------------------------- set-up

    /** Adds a listener that receives every event from now on. */
    public void addListener(EngineListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Adds a pre-trade check; checks run in the order they were added. */
    public void addPreTradeCheck(PreTradeCheck check) {
        checks.add(Objects.requireNonNull(check, "check"));
    }

    /**
     * Attaches the risk engine: it checks every order (after the checks added before it), hears every
     * event and bar, and is woken by {@link #onTime()}.
     */
    public void attachRisk(RiskHook hook) {
        if (risk != null) {
            throw new IllegalStateException("a risk engine is already attached");
        }
        risk = Objects.requireNonNull(hook, "hook");
        addPreTradeCheck(hook);
        addListener(hook);
        hook.bind(this, controls);
    }

    /** Sets how bots created by {@link CreateBot} (and recovered from the journal) build their strategies. */
    public void useStrategies(StrategyFactory factory) {
        bots.useStrategies(Objects.requireNonNull(factory, "factory"));
    }

    /**
     * Whether a strategy that throws pauses its bot with an alert while the others go on (the
     * default, for paper and live trading), or fails the step it threw in (a backtest, where a
     * strategy error should stop the run and be seen).
     */
    public void isolateStrategyFailures(boolean isolate) {
        bots.isolateFailures(isolate);
    }

    /**
     * Lets time-driven work run at the engine clock's current time: session rollover, the MIS
     * square-off, stale-data detection. A backtest calls it before each bar; a live engine on a timer.
     */
    public void onTime() {
        if (risk != null) {
            steps.drive(riskTime);
        }
    }

    /**
     * Opens an account with {@code cash} paise directly, without an event (a backtest's account); a
     * journaled runtime opens accounts with {@link OpenAccount} instead.
     */
    public Portfolio openAccount(AccountId account, long cash) {
        return state.openAccount(account, cash);
    }

    /** Adds a running bot for {@code strategy} directly, without an event; it takes every bar. */
    public void addBot(BotId bot, AccountId account, Strategy strategy, Collection<Symbol> symbols) {
        addBot(bot, account, strategy, symbols, null);
    }

    /**
     * Adds a running bot directly, without an event (a backtest's bot; a journaled runtime creates
     * bots with {@link CreateBot}). It takes only the bars of {@code interval} (those given to
     * {@link #onBar(Bar, BarInterval)} with it, and every bar given to {@link #onBar(Bar)}).
     */
    public void addBot(BotId bot, AccountId account, Strategy strategy, Collection<Symbol> symbols,
                       BarInterval interval) {
        state.portfolio(account);
        BotRuntime runtime = bots.add(bot, account, strategy, symbols, interval);
        if (started) {
            steps.drive(() -> runtime.onStart(bots));
        }
    }

    /** The bots that are not deleted, in the order they were added. */
    public List<BotId> bots() {
        return bots.ids();
    }

    /** A bot's state, if the engine knows the bot. */
    public Optional<BotState> botState(BotId bot) {
        BotRuntime runtime = bots.get(bot);
        return runtime == null ? Optional.empty() : Optional.of(runtime.state());
    }

    /** Whether {@code bot} is a bot of {@code account} that is not deleted. */
    public boolean hasBot(AccountId account, BotId bot) {
        BotRuntime runtime = bots.get(bot);
        return runtime != null && runtime.state() != BotState.DELETED && runtime.account().equals(account);
    }

    /** A bot's own book (its fills' positions, cash, charges, realized P&amp;L; starting cash 0). */
    public Optional<Portfolio> botBook(BotId bot) {
        BotRuntime runtime = bots.get(bot);
        return runtime == null ? Optional.empty() : Optional.of(runtime.book());
    }

    /** A bot's journaled definition, if it was created by {@link CreateBot}. */
    public Optional<com.quantdesk.core.bot.BotDefinition> botDefinition(BotId bot) {
        BotRuntime runtime = bots.get(bot);
        return runtime == null ? Optional.empty() : Optional.ofNullable(runtime.definition());
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Rebuilds state from one journaled event, before {@link #start()}: accounts, orders, cancels
     * asked for, positions, cash, bots and their books, trading states, the risk engine's
     * configuration and session records, and the id and sequence counters. Nothing is emitted and
     * nothing is sent; events must come in sequence order without gaps.
     *
     * @throws IllegalStateException if the event is out of sequence or contradicts the state so far
     */
    public void recover(Event event) {
        if (started) {
            throw new IllegalStateException("recover() must run before start()");
        }
        if (event.sequence() != nextSequence) {
            throw new IllegalStateException("journal gap: expected event " + nextSequence + ", got "
                    + event.sequence());
        }
        nextId = Math.max(nextId, event.causationId() + 1);
        state.apply(event, true);
        if (event instanceof ClosingPriceRecorded close) {
            // Bars are not journaled: until the next one, positions are marked at the recorded close.
            state.mark(close.symbol(), close.close());
            barSymbol = null;
        }
        if (risk != null) {
            risk.recover(event);
        }
        nextSequence = event.sequence() + 1;
        lastEventTime = event.time();
        recovered++;
    }

    /**
     * Orders whose last known state is in flight (submitted, accepted or partly filled): after
     * recovery they must be reconciled with the venue before new orders are accepted.
     */
    public List<Order> inFlightOrders() {
        return List.copyOf(state.openOrders.values());
    }

    /** The cancel asked for an open order before a restart (its reason), if any. */
    public Optional<String> cancelRequested(OrderId order) {
        return Optional.ofNullable(state.cancelRequests.get(order));
    }

    /**
     * Starts the bots that take bars: after a recovery, a bot whose strategy can no longer be built
     * is stopped with an alert, and the risk engine is told that recovery is over.
     */
    public void start() {
        started = true;
        steps.drive(() -> {
            if (recovered > 0 && risk != null) {
                risk.recovered();
            }
            bots.startAll();
        });
    }

    /** Calls every running or paused strategy's {@code onStop}. */
    public void stop() {
        steps.drive(bots::stopAll);
    }

    /** The sink a venue reports to; calls are processed on the caller's (engine) thread. */
    public ExecutionReports reports() {
        return reports;
    }

    // ---------------------------------------------------------------- inputs

    /**
     * A closed bar: marks positions at its close, then lets the bots subscribed to its symbol
     * decide. A venue matching resting orders against the bar must see it first.
     */
    public void onBar(Bar bar) {
        onBar(bar, null);
    }

    /**
     * A closed bar of {@code interval}: like {@link #onBar(Bar)}, but only the bots added for that
     * interval (or for none) see it. A live runtime aggregating several intervals calls this.
     */
    public void onBar(Bar bar, BarInterval interval) {
        if (steps.busy()) {
            steps.defer(() -> processBar(bar, interval));
            return;
        }
        // The hot path of a backtest: no lambda, no allocation unless work was deferred.
        steps.begin();
        RuntimeException failure = null;
        try {
            processBar(bar, interval);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            steps.abandon();
            throw e;
        }
        steps.end(failure);
    }

    /**
     * Market data (a tick) arrived now: the risk engine's stale-data alarm counts silence from the
     * last data that arrived, not from the start time of the last bar.
     */
    public void marketDataSeen() {
        if (risk != null) {
            risk.marketDataSeen(clock.instant());
        }
    }

    /**
     * A bar of history that only primes the bots: the bots taking {@code interval} update their
     * indicators and see the bar, but any order they place is refused without an event, positions
     * are not marked and the risk engine does not see it. Call after {@link #start()}, before live
     * bars, so a restarted or new bot trades on its first live bar instead of after its look-back.
     */
    public void warmUp(Bar bar, BarInterval interval) {
        if (steps.busy()) {
            throw new IllegalStateException("warmUp() called re-entrantly");
        }
        BotRuntime[] subscribed = bots.subscribed(bar.symbol());
        if (subscribed == null) {
            return;
        }
        warmingUp = true;
        try {
            steps.drive(() -> {
                for (BotRuntime bot : subscribed) {
                    if (bot.takes(interval)) {
                        bot.onBar(bar, bots);
                    }
                }
            });
        } finally {
            warmingUp = false;
        }
    }

    /** Whether bots are being primed with history (their orders are refused). */
    boolean warmingUp() {
        return warmingUp;
    }

    private void processBar(Bar bar, BarInterval interval) {
        Symbol symbol = bar.symbol();
        if (symbol != barSymbol) {
            barPrice = state.setLastPrice(symbol, bar.close());
            barBots = bots.subscribed(symbol);
            barSymbol = symbol;
        } else {
            barPrice[0] = bar.close();
        }
        List<Portfolio> portfolios = state.portfolioList;
        for (int i = 0; i < portfolios.size(); i++) {
            portfolios.get(i).mark(symbol, bar.close());
        }
        if (risk != null) {
            risk.onBar(bar);
        }
        BotRuntime[] subscribed = barBots;
        if (subscribed != null) {
            for (BotRuntime bot : subscribed) {
                if (bot.takes(interval)) {
                    bot.onBar(bar, bots);
                }
            }
        }
    }

    /** The bots taking bars changed: the cached dispatch of the last bar's symbol is stale. */
    void dispatchChanged() {
        barSymbol = null;
    }

    /**
     * Executes a command and answers it. Must not be called from inside a strategy callback (use the
     * strategy's context instead).
     */
    public CommandResult execute(Command command) {
        return execute(command, null);
    }

    /**
     * Executes a command and keeps, in the same step, an audit entry of it: {@code audit} turns the
     * result into the entry. The command's events and its audit record reach the journal together or
     * not at all.
     */
    public CommandResult execute(Command command, Function<CommandResult, AuditEntry> audit) {
        if (steps.busy()) {
            throw new IllegalStateException("execute() called re-entrantly; strategies use their context");
        }
        Tracer.Span span = Tracing.tracer().startSpan("engine " + command.getClass().getSimpleName());
        CommandResult result;
        try (Tracer.Scope ignored = span.makeCurrent()) {
            result = executeStep(command, audit);
        } finally {
            span.end();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("engine: {} -> {}", command.getClass().getSimpleName(), result);
        }
        return result;
    }

    private CommandResult executeStep(Command command, Function<CommandResult, AuditEntry> audit) {
        CommandResult[] result = new CommandResult[1];
        steps.drive(() -> {
            long idBefore = nextId;
            result[0] = run(command);
            if (audit != null) {
                // Caused by the order, else by the command's own id when it took one.
                long cause = result[0].orderId().map(OrderId::value).orElse(nextId != idBefore ? idBefore : 0);
                recordAudit(audit.apply(result[0]), cause);
            }
        });
        return result[0];
    }

    private CommandResult run(Command command) {
        return switch (command) {
            case SubmitOrder s -> submit(s.request());
            case CancelOrder c -> cancel(c.orderId(), c.reason());
            case ModifyOrder m -> orders.modify(m);
            case SetTradingState t -> controls.changeState(t.account(), t.bot(), t.state(), t.reason(), t.actor(),
                    nextId++, false);
            case ActivateKillSwitch k -> controls.killSwitch(k.account(), k.bot(), k.reason(), k.flatten(), k.actor(),
                    nextId++);
            case ResetKillSwitch r -> controls.changeState(r.account(), r.bot(), TradingState.ACTIVE,
                    "reset: " + r.reason(), r.actor(), nextId++, true);
            case RiskCommand r -> applyRisk(r, nextId++);
            case OpenAccount o -> openAccount(o);
            case CreateBot c -> bots.create(c);
            case BotCommand b -> bots.change(b);
            case RecordAudit r -> {
                recordAudit(r.entry(), nextId++);
                yield CommandResult.ok();
            }
        };
    }

    private void recordAudit(AuditEntry entry, long cause) {
        emit(new AuditRecorded(nextSequence++, clock.instant(), entry.account(), BotId.NONE, cause, entry));
    }

    // ---------------------------------------------------------------- orders

    /** A strategy's order; an exception from the engine's own code is marked as the engine's. */
    CommandResult submitFromStrategy(OrderRequest request) {
        try {
            return submit(request);
        } catch (RuntimeException e) {
            throw new EngineFault(e);
        }
    }

    /** A strategy's cancel; an exception from the engine's own code is marked as the engine's. */
    CommandResult cancelFromStrategy(OrderId id, String reason) {
        try {
            return cancel(id, reason);
        } catch (RuntimeException e) {
            throw new EngineFault(e);
        }
    }

    CommandResult submit(OrderRequest request) {
        return orders.submit(request);
    }

    /** An order the engine itself places (square-off, flatten): no pre-trade checks. */
    void submitSystem(OrderRequest request) {
        orders.submitSystem(request);
    }

    /** Whether the order only reduces the account's net position (see {@link EngineView}). */
    @Override
    public boolean reducesExposure(OrderRequest request) {
        return orders.reducesExposure(request);
    }

    /** Asks the venue to cancel an open order; the request is journaled before it goes out. */
    CommandResult cancel(OrderId id, String reason) {
        return orders.cancel(id, reason);
    }

    /**
     * After a restart: sends again the cancel journaled for an order that is still open, before the
     * order is trusted as working.
     */
    public void resendCancel(OrderId id) {
        steps.drive(() -> orders.resendCancel(id));
    }

    private CommandResult applyRisk(RiskCommand command, long commandId) {
        if (risk == null) {
            return CommandResult.refused(null, "RISK_NOT_ATTACHED", "no risk engine is attached");
        }
        if (command instanceof SetBotLimits b && !hasBot(b.account(), b.bot())) {
            return CommandResult.refused(null, "ORDER_UNKNOWN_BOT", "no bot " + b.bot() + " on account "
                    + b.account());
        }
        RiskHook.Change change;
        try {
            change = risk.apply(command);
        } catch (IllegalArgumentException e) {
            return CommandResult.refused(null, "RISK_INVALID_CONFIG", e.getMessage());
        }
        emit(new RiskConfigChanged(nextSequence++, clock.instant(), change.account(), change.bot(), commandId,
                change.item(), change.previous(), change.current(), command.actor()));
        return CommandResult.ok();
    }

    private CommandResult openAccount(OpenAccount command) {
        if (state.portfolios.containsKey(command.account())) {
            return CommandResult.refused(null, "ACCOUNT_EXISTS", "account " + command.account() + " is already open");
        }
        emit(new AccountOpened(nextSequence++, clock.instant(), command.account(), BotId.NONE, 0,
                command.initialCash()));
        return CommandResult.ok();
    }

    // ---------------------------------------------------------------- events

    /** Emits an order event and tells its bot's strategy after the current work. */
    void publishOrderEvent(OrderEvent event) {
        emit(event);
        bots.notify(event.bot(), event);
    }

    /**
     * Applies an event to the state, then tells every listener. An event the state refuses is not
     * emitted at all; a listener that fails does not keep the event from the others.
     */
    void emit(Event event) {
        try {
            state.apply(event, false);
        } catch (RuntimeException e) {
            // The event did not happen: its sequence number goes back, so the stream keeps no gap.
            if (event.sequence() == nextSequence - 1) {
                nextSequence--;
            }
            throw e;
        }
        lastEventTime = event.time();
        steps.eventEmitted();
        // The state has changed, so every listener (the journal among them) must hear of it, whatever
        // another one does with it.
        RuntimeException failure = null;
        for (int i = 0; i < listeners.size(); i++) {
            try {
                listeners.get(i).onEvent(event);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The next event sequence number (taken). */
    long takeSequence() {
        return nextSequence++;
    }

    /** Runs work as a step, or after the current one. */
    void drive(Runnable work) {
        steps.drive(work);
    }

    /** Queues work to run before the current step ends. */
    void defer(Runnable work) {
        steps.defer(work);
    }

    /** Whether {@link #start()} has run. */
    boolean started() {
        return started;
    }

    /** The strategy built from a name, when a strategy factory is set. */
    private void stepEnded() {
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onStepEnd();
        }
    }

    /**
     * Reports an internal failure (an exception that escaped a step) as a {@code ENGINE_ERROR} alert
     * event, so it is journaled and seen, not only logged.
     */
    public void reportInternalError(Throwable failure) {
        steps.drive(() -> emit(new RiskAlert(nextSequence++, clock.instant(), AccountId.SYSTEM, BotId.NONE, 0,
                "ENGINE_ERROR", "internal error: " + failure)));
    }

    /**
     * Raises an alert from outside the engine's own rules (a broker adapter's reconciliation found a
     * difference, the broker refused the session), journaled as a {@link RiskAlert} in a step of its
     * own. Engine thread.
     *
     * @param code    stable reason code, e.g. {@code BROKER_POSITION_MISMATCH}
     * @param message what happened, for a person
     */
    public void raiseAlert(AccountId account, String code, String message) {
        steps.drive(() -> emit(new RiskAlert(nextSequence++, clock.instant(), account, BotId.NONE, 0, code, message)));
    }

    /** An exception raised by the engine's own code while a strategy called into it. */
    static final class EngineFault extends RuntimeException {
        EngineFault(RuntimeException cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    /** A strategy's own exception, or rethrows the engine's that surfaced through the strategy. */
    static RuntimeException unwrapEngineFault(RuntimeException e) {
        if (e instanceof EngineFault fault) {
            throw (RuntimeException) fault.getCause();
        }
        return e;
    }

    // ---------------------------------------------------------------- views

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Optional<Instrument> instrument(Symbol symbol) {
        return instruments.apply(symbol);
    }

    @Override
    public long lastPrice(Symbol symbol) {
        return state.lastPrice(symbol);
    }

    @Override
    public Portfolio portfolio(AccountId account) {
        return state.portfolio(account);
    }

    /** Every open account, in the order they were opened (an immutable list; the risk engine asks on every bar). */
    @Override
    public List<AccountId> accounts() {
        return state.accountIds;
    }

    /** Every open account's portfolio, in the order they were opened. */
    public List<Portfolio> portfolios() {
        return List.copyOf(state.portfolioList);
    }

    @Override
    public List<Order> openOrders(AccountId account) {
        List<Order> result = new ArrayList<>();
        for (Order o : state.openOrders.values()) {
            if (o.account().equals(account)) {
                result.add(o);
            }
        }
        return result;
    }

    /** Every open order, oldest first. */
    public List<Order> openOrders() {
        return List.copyOf(state.openOrders.values());
    }

    /** An open order, if it is open. */
    public Optional<Order> openOrder(OrderId id) {
        return Optional.ofNullable(state.openOrders.get(id));
    }

    @Override
    public TradingState tradingState(AccountId account) {
        return state.tradingState(account);
    }

    @Override
    public TradingState tradingState(AccountId account, BotId bot) {
        return state.tradingState(account).mostRestrictive(state.botStates.getOrDefault(bot, TradingState.ACTIVE));
    }

    /** The state set on exactly this scope (global, account or bot), not combined with the wider ones. */
    public TradingState tradingStateAt(AccountId account, BotId bot) {
        return state.stateAt(account, bot);
    }

    @Override
    public long botPosition(BotId bot, Symbol symbol) {
        BotRuntime runtime = bots.get(bot);
        return runtime == null ? 0 : runtime.position(symbol);
    }

    /**
     * Everything that decides whether an order may go, as sorted {@code key -> value} facts: the
     * journal position, accounts (cash, charges, realized P&amp;L, positions), trading states, open
     * orders with any cancel asked for, bots (state, book, positions) and the risk engine's session
     * records, counters and reference prices (as of the last event's time). Two engines with equal
     * descriptions decide alike; a restarted engine's description equals a fresh replay's of the same
     * journal.
     */
    public SortedMap<String, String> describeState() {
        return StateDescription.of(state, bots, risk, nextSequence - 1,
                lastEventTime == null ? clock.instant() : lastEventTime);
    }

    /** The next order or command id (taken). */
    long takeId() {
        return nextId++;
    }

    /** The sequence number the next event will carry. */
    public long nextSequence() {
        return nextSequence;
    }

    /** The id the next order or command will get. */
    public long nextId() {
        return nextId;
    }
}
