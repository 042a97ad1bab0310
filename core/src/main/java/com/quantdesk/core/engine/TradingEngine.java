package com.quantdesk.core.engine;

import com.quantdesk.core.command.ActivateKillSwitch;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.Command;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.ModifyOrder;
import com.quantdesk.core.command.ResetKillSwitch;
import com.quantdesk.core.command.RiskCommand;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderEvent;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderModified;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.portfolio.Position;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.strategy.Strategy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer trading engine: it owns orders, positions, cash and trading states, and every
 * change to them happens here, on one thread, as numbered events.
 *
 * <p>A backtest calls it directly from its replay loop. Live and paper mode wrap it in an
 * {@link EngineLoop}, which hands it commands, bars and venue reports on its own thread. The engine
 * never blocks and never reads the wall clock: time comes from the injected {@link InstantSource}.
 *
 * <p>Work that arrives while the engine is already busy (a venue answering synchronously, a strategy
 * callback) is queued and runs when the current step is complete, so state is never observed half
 * updated and events keep a strict order.
 */
public final class TradingEngine implements EngineView {

    private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);

    private final InstantSource clock;
    private final BrokerGateway gateway;
    private final Function<Symbol, Optional<Instrument>> instruments;
    private final List<EngineListener> listeners = new ArrayList<>();
    private final List<PreTradeCheck> checks = new ArrayList<>();
    private final Map<AccountId, Portfolio> portfolios = new LinkedHashMap<>();
    private final List<Portfolio> portfolioList = new ArrayList<>();
    private final Map<OrderId, Order> openOrders = new LinkedHashMap<>();
    private final Map<Symbol, long[]> lastPrices = new HashMap<>();
    private final Map<BotId, BotRuntime> bots = new LinkedHashMap<>();
    private final Map<Symbol, BotRuntime[]> botsBySymbol = new HashMap<>();
    // The last bar's symbol with its price holder and bots: bars of one symbol follow each other.
    private Symbol barSymbol;
    private long[] barPrice;
    private BotRuntime[] barBots;
    private final Map<AccountId, TradingState> accountStates = new HashMap<>();
    private final Map<BotId, TradingState> botStates = new HashMap<>();
    private final Map<OrderId, String> cancelRequests = new HashMap<>();
    private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
    private final Reports reports = new Reports();
    private final Control control = new Control();
    private TradingState globalState = TradingState.ACTIVE;
    private RiskHook risk;
    private long nextSequence = 1;
    private long nextId = 1;
    private boolean busy;
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
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
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
        hook.bind(this, control);
    }

    /**
     * Lets time-driven work run at the engine clock's current time: session rollover, the MIS
     * square-off, stale-data detection. A backtest calls it before each bar; a live engine on a timer.
     */
    public void onTime() {
        if (risk != null) {
            drive(() -> risk.onTime(clock.instant()));
        }
    }

    /** Opens an account with {@code cash} paise. */
    public Portfolio openAccount(AccountId account, long cash) {
        if (portfolios.containsKey(account)) {
            throw new IllegalArgumentException("account " + account + " is already open");
        }
        Portfolio portfolio = new Portfolio(account, cash);
        portfolios.put(account, portfolio);
        portfolioList.add(portfolio);
        return portfolio;
    }

    /** Adds a bot running {@code strategy} for {@code account} on {@code symbols}; it takes every bar. */
    public void addBot(BotId bot, AccountId account, Strategy strategy, Collection<Symbol> symbols) {
        addBot(bot, account, strategy, symbols, null);
    }

    /**
     * Adds a bot that takes only the bars of {@code interval} (those given to
     * {@link #onBar(Bar, BarInterval)} with it, and every bar given to {@link #onBar(Bar)}).
     */
    public void addBot(BotId bot, AccountId account, Strategy strategy, Collection<Symbol> symbols,
                       BarInterval interval) {
        if (bots.containsKey(bot)) {
            throw new IllegalArgumentException("bot " + bot + " already exists");
        }
        portfolio(account);
        BotRuntime runtime = new BotRuntime(this, bot, account, strategy, interval);
        bots.put(bot, runtime);
        for (Symbol symbol : symbols) {
            BotRuntime[] current = botsBySymbol.getOrDefault(symbol, new BotRuntime[0]);
            BotRuntime[] extended = java.util.Arrays.copyOf(current, current.length + 1);
            extended[current.length] = runtime;
            botsBySymbol.put(symbol, extended);
        }
        barSymbol = null;
        if (started) {
            drive(() -> strategy.onStart(runtime));
        }
    }

    /**
     * Removes a bot: its strategy's {@code onStop} runs (if the engine has started) and it takes no
     * more bars. Its orders stay open and its fills stay in the account; cancel them first if they
     * should not trade.
     *
     * @return whether the bot existed
     */
    public boolean removeBot(BotId bot) {
        BotRuntime runtime = bots.get(bot);
        if (runtime == null) {
            return false;
        }
        if (started) {
            drive(() -> runtime.strategy().onStop(runtime));
        }
        bots.remove(bot);
        for (Map.Entry<Symbol, BotRuntime[]> entry : botsBySymbol.entrySet()) {
            BotRuntime[] kept = java.util.Arrays.stream(entry.getValue()).filter(b -> b != runtime)
                    .toArray(BotRuntime[]::new);
            entry.setValue(kept);
        }
        barSymbol = null;
        return true;
    }

    /** The bots, in the order they were added. */
    public List<BotId> bots() {
        return List.copyOf(bots.keySet());
    }

    /**
     * Rebuilds state from one journaled event, before {@link #start()}: orders, positions, cash,
     * trading states, risk configuration and the id and sequence counters. Nothing is emitted and
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
        switch (event) {
            case OrderSubmitted e -> openOrders.put(e.order().id(), e.order());
            case OrderDenied e -> { }
            case OrderAccepted e -> openOrders.computeIfPresent(e.orderId(), (id, o) -> o.accept(e.venueOrderId(),
                    e.time()));
            case OrderRejected e -> {
                openOrders.remove(e.orderId());
                cancelRequests.remove(e.orderId());
            }
            case OrderCancelled e -> {
                openOrders.remove(e.orderId());
                cancelRequests.remove(e.orderId());
            }
            case OrderModified e -> openOrders.computeIfPresent(e.orderId(), (id, o) -> new Order(id,
                    o.request().modified(e.quantity(), e.limitPrice(), e.triggerPrice()), o.status(),
                    o.venueOrderId(), o.filledQuantity(), o.filledValue(), o.createdAt(), e.time()));
            case OrderFilled e -> recoverFill(e);
            case PositionChanged e -> { }
            case TradingStateChanged e -> {
                if (e.account().equals(AccountId.SYSTEM)) {
                    globalState = e.current();
                } else if (e.bot().equals(BotId.NONE)) {
                    accountStates.put(e.account(), e.current());
                } else {
                    botStates.put(e.bot(), e.current());
                }
            }
            case RiskAlert e -> { }
            case RiskConfigChanged e -> {
                if (risk != null) {
                    risk.recover(e);
                }
            }
        }
        nextSequence = event.sequence() + 1;
    }

    private void recoverFill(OrderFilled e) {
        Order order = openOrders.get(e.orderId());
        if (order == null) {
            throw new IllegalStateException("journal has a fill for " + e.orderId() + " which is not open");
        }
        Order updated = order.fill(e.quantity(), e.price(), e.time());
        if (updated.status() == OrderStatus.FILLED) {
            openOrders.remove(e.orderId());
            cancelRequests.remove(e.orderId());
        } else {
            openOrders.put(e.orderId(), updated);
        }
        setLastPrice(e.symbol(), e.price());
        portfolio(e.account()).applyFill(e.symbol(), e.product(), e.side(), e.quantity(), e.price(), e.charges());
        BotRuntime bot = bots.get(e.bot());
        if (bot != null) {
            bot.addPosition(e.symbol(), e.product(), e.side().sign() * e.quantity());
        }
    }

    /**
     * Orders whose last known state is in flight (submitted, accepted or partly filled): after
     * recovery they must be reconciled with the venue before new orders are accepted.
     */
    public List<Order> inFlightOrders() {
        return List.copyOf(openOrders.values());
    }

    /** Calls every strategy's {@code onStart}. */
    public void start() {
        started = true;
        drive(() -> {
            for (BotRuntime bot : bots.values()) {
                bot.strategy().onStart(bot);
            }
        });
    }

    /** Calls every strategy's {@code onStop}. */
    public void stop() {
        drive(() -> {
            for (BotRuntime bot : bots.values()) {
                bot.strategy().onStop(bot);
            }
        });
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
        if (busy) {
            deferred.add(() -> processBar(bar, interval));
            return;
        }
        // The hot path of a backtest: no lambda, no allocation unless work was deferred.
        busy = true;
        try {
            processBar(bar, interval);
            drainDeferred();
        } finally {
            deferred.clear();
            busy = false;
        }
    }

    /**
     * A bar of history that only primes the bots: the bots taking {@code interval} update their
     * indicators and see the bar, but any order they place is refused without an event, positions
     * are not marked and the risk engine does not see it. Call after {@link #start()}, before live
     * bars, so a restarted or new bot trades on its first live bar instead of after its look-back.
     */
    public void warmUp(Bar bar, BarInterval interval) {
        if (busy) {
            throw new IllegalStateException("warmUp() called re-entrantly");
        }
        BotRuntime[] subscribed = botsBySymbol.get(bar.symbol());
        if (subscribed == null) {
            return;
        }
        warmingUp = true;
        busy = true;
        try {
            for (BotRuntime bot : subscribed) {
                if (bot.takes(interval)) {
                    bot.updateIndicators(bar);
                    bot.strategy().onBar(bot, bar);
                }
            }
            drainDeferred();
        } finally {
            deferred.clear();
            busy = false;
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
            setLastPrice(symbol, bar.close());
            barPrice = lastPrices.get(symbol);
            barBots = botsBySymbol.get(symbol);
            barSymbol = symbol;
        } else {
            barPrice[0] = bar.close();
        }
        for (int i = 0; i < portfolioList.size(); i++) {
            portfolioList.get(i).mark(symbol, bar.close());
        }
        if (risk != null) {
            risk.onBar(bar);
        }
        BotRuntime[] subscribed = barBots;
        if (subscribed != null) {
            for (BotRuntime bot : subscribed) {
                if (bot.takes(interval)) {
                    bot.updateIndicators(bar);
                    bot.strategy().onBar(bot, bar);
                }
            }
        }
    }

    /**
     * Executes a command and answers it. Must not be called from inside a strategy callback (use the
     * strategy's context instead).
     */
    public CommandResult execute(Command command) {
        if (busy) {
            throw new IllegalStateException("execute() called re-entrantly; strategies use their context");
        }
        CommandResult[] result = new CommandResult[1];
        drive(() -> result[0] = switch (command) {
            case SubmitOrder s -> submit(s.request());
            case CancelOrder c -> cancel(c.orderId(), c.reason());
            case ModifyOrder m -> modify(m);
            case SetTradingState t -> changeState(t.account(), t.bot(), t.state(), t.reason(), t.actor(), nextId++,
                    false);
            case ActivateKillSwitch k -> killSwitch(k.account(), k.bot(), k.reason(), k.flatten(), k.actor(),
                    nextId++);
            case ResetKillSwitch r -> changeState(r.account(), r.bot(), TradingState.ACTIVE,
                    "reset: " + r.reason(), r.actor(), nextId++, true);
            case RiskCommand r -> applyRisk(r, nextId++);
        });
        return result[0];
    }

    // ---------------------------------------------------------------- orders

    CommandResult submit(OrderRequest request) {
        OrderId id = OrderId.of(nextId++);
        Instant now = clock.instant();
        Order order = Order.create(id, request, now);
        PreTradeDecision decision = admissible(request);
        for (int i = 0; decision.allowed() && i < checks.size(); i++) {
            decision = checks.get(i).check(request, this);
        }
        if (!decision.allowed()) {
            Order denied = order.moveTo(OrderStatus.DENIED, now);
            OrderDenied event = new OrderDenied(nextSequence++, now, request.account(), request.bot(), id.value(),
                    denied, decision.reasonCode(), decision.message(), decision.limit(), decision.attempted());
            emit(event);
            notifyBot(request.bot(), event);
            return CommandResult.refused(id, decision.reasonCode(), decision.message());
        }
        Order submitted = order.moveTo(OrderStatus.SUBMITTED, now);
        openOrders.put(id, submitted);
        OrderSubmitted event = new OrderSubmitted(nextSequence++, now, request.account(), request.bot(), id.value(),
                submitted);
        emit(event);
        notifyBot(request.bot(), event);
        gateway.submit(submitted);
        return CommandResult.ok(id);
    }

    /** Rules every order obeys before configurable risk: known instrument, account, state, CNC shorts. */
    private PreTradeDecision admissible(OrderRequest request) {
        if (!portfolios.containsKey(request.account())) {
            return PreTradeDecision.deny("ORDER_UNKNOWN_ACCOUNT", "unknown account " + request.account());
        }
        if (instruments.apply(request.symbol()).isEmpty()) {
            return PreTradeDecision.deny("ORDER_UNKNOWN_INSTRUMENT", "unknown instrument " + request.symbol());
        }
        TradingState state = tradingState(request.account(), request.bot());
        if (state == TradingState.HALTED) {
            return PreTradeDecision.deny("RISK_HALTED", "trading is halted for " + request.account()
                    + (request.bot().equals(BotId.NONE) ? "" : "/" + request.bot()));
        }
        if (state == TradingState.REDUCING && !reducesExposure(request)) {
            return PreTradeDecision.deny("RISK_REDUCING_ONLY",
                    "only exposure-reducing orders are allowed for " + request.account());
        }
        if (request.product() == Product.CNC && request.side() == Side.SELL) {
            long held = portfolio(request.account()).quantity(request.symbol(), Product.CNC);
            long selling = request.quantity() + openQuantity(request.account(), request.symbol(), Product.CNC,
                    Side.SELL);
            if (selling > held) {
                return PreTradeDecision.deny("ORDER_CNC_SHORT_SELL",
                        "CNC sell of " + request.quantity() + " " + request.symbol() + " exceeds holdings",
                        held, selling);
            }
        }
        return PreTradeDecision.ALLOW;
    }

    /**
     * Whether the order only reduces the account's net position in its symbol (it never opens or
     * flips one), counting the open orders on its side. Net, not per product: selling CNC shares
     * against an MIS short makes the book larger, whatever the product says.
     */
    public boolean reducesExposure(OrderRequest request) {
        long position = portfolio(request.account()).quantity(request.symbol());
        long pending = openQuantity(request.account(), request.symbol(), null, request.side());
        return position != 0 && Long.signum(position) != request.side().sign()
                && request.quantity() + pending <= Math.abs(position);
    }

    private long openQuantity(AccountId account, Symbol symbol, Product product, Side side) {
        long total = 0;
        for (Order o : openOrders.values()) {
            // An order we asked to cancel is on its way out; it no longer commits the holding.
            if (o.account().equals(account) && o.symbol().equals(symbol) && (product == null || o.product() == product)
                    && o.side() == side && !cancelRequests.containsKey(o.id())) {
                total += o.remainingQuantity();
            }
        }
        return total;
    }

    CommandResult cancel(OrderId id, String reason) {
        Order order = openOrders.get(id);
        if (order == null) {
            return CommandResult.refused(id, "ORDER_NOT_OPEN", "order " + id + " is not open");
        }
        if (cancelRequests.putIfAbsent(id, reason) == null) {
            gateway.cancel(order);
        }
        return CommandResult.ok(id);
    }

    private CommandResult modify(ModifyOrder m) {
        Order order = openOrders.get(m.orderId());
        if (order == null) {
            return CommandResult.refused(m.orderId(), "ORDER_NOT_OPEN", "order " + m.orderId() + " is not open");
        }
        if (m.quantity() != 0 && m.quantity() <= order.filledQuantity()) {
            return CommandResult.refused(m.orderId(), "ORDER_MODIFY_QUANTITY",
                    "new quantity " + m.quantity() + " must exceed the filled " + order.filledQuantity());
        }
        if (m.limitPrice() != 0 && !order.type().needsLimitPrice()
                || m.triggerPrice() != 0 && !order.type().needsTriggerPrice()) {
            return CommandResult.refused(m.orderId(), "ORDER_MODIFY_PRICE",
                    "a " + order.type().wireName() + " order has no such price to modify");
        }
        gateway.modify(order, m.quantity(), m.limitPrice(), m.triggerPrice());
        return CommandResult.ok(m.orderId());
    }

    private CommandResult changeState(AccountId account, BotId bot, TradingState state, String reason, String actor,
                                      long commandId, boolean reset) {
        TradingState previous = stateAt(account, bot);
        if (previous == TradingState.HALTED && state != TradingState.HALTED && !reset) {
            return CommandResult.refused(null, "RISK_RESET_REQUIRED",
                    "scope is HALTED; only a kill-switch reset leaves it");
        }
        if (previous == state) {
            return CommandResult.ok();
        }
        if (account.equals(AccountId.SYSTEM)) {
            globalState = state;
        } else if (bot.equals(BotId.NONE)) {
            portfolio(account);
            accountStates.put(account, state);
        } else {
            BotRuntime runtime = bots.get(bot);
            if (runtime == null || !runtime.account().equals(account)) {
                return CommandResult.refused(null, "ORDER_UNKNOWN_BOT", "no bot " + bot + " on account " + account);
            }
            botStates.put(bot, state);
        }
        emit(new TradingStateChanged(nextSequence++, clock.instant(), account, bot, commandId, previous, state, reason,
                actor));
        return CommandResult.ok();
    }

    private TradingState stateAt(AccountId account, BotId bot) {
        if (account.equals(AccountId.SYSTEM)) {
            return globalState;
        }
        if (bot.equals(BotId.NONE)) {
            return accountStates.getOrDefault(account, TradingState.ACTIVE);
        }
        return botStates.getOrDefault(bot, TradingState.ACTIVE);
    }

    private CommandResult killSwitch(AccountId account, BotId bot, String reason, boolean flatten, String actor,
                                     long commandId) {
        if (!account.equals(AccountId.SYSTEM)) {
            portfolio(account);
        }
        CommandResult halted = changeState(account, bot, TradingState.HALTED, "kill switch: " + reason, actor,
                commandId, true);
        if (!halted.accepted()) {
            return halted;
        }
        emit(new RiskAlert(nextSequence++, clock.instant(), account, bot, commandId, "KILL_SWITCH",
                "kill switch by " + actor + ": " + reason + (flatten ? " (flattening positions)" : "")));
        for (Order order : List.copyOf(openOrders.values())) {
            if (inScope(order.account(), order.bot(), account, bot)) {
                cancel(order.id(), "kill switch: " + reason);
            }
        }
        if (flatten) {
            for (Portfolio p : portfolioList) {
                if (account.equals(AccountId.SYSTEM) || p.account().equals(account)) {
                    closePositions(p.account(), bot, null, "KILL-FLATTEN");
                }
            }
        }
        return CommandResult.ok();
    }

    private static boolean inScope(AccountId orderAccount, BotId orderBot, AccountId account, BotId bot) {
        return account.equals(AccountId.SYSTEM)
                || orderAccount.equals(account) && (bot.equals(BotId.NONE) || orderBot.equals(bot));
    }

    /**
     * Closes positions with system market orders, attributed to the bots that hold them; what no bot
     * holds is closed as {@link BotId#NONE}. {@code onlyProduct} null means every product.
     */
    private void closePositions(AccountId account, BotId onlyBot, Product onlyProduct, String tag) {
        Portfolio portfolio = portfolio(account);
        for (PositionSnapshot position : portfolio.openPositions()) {
            if (onlyProduct != null && position.product() != onlyProduct) {
                continue;
            }
            long unattributed = position.quantity();
            for (BotRuntime bot : bots.values()) {
                if (!bot.account().equals(account)) {
                    continue;
                }
                long held = bot.position(position.symbol(), position.product());
                unattributed -= held;
                if (held != 0 && (onlyBot.equals(BotId.NONE) || bot.bot().equals(onlyBot))) {
                    submitSystem(closing(account, bot.bot(), position, held, tag));
                }
            }
            if (unattributed != 0 && onlyBot.equals(BotId.NONE)) {
                submitSystem(closing(account, BotId.NONE, position, unattributed, tag));
            }
        }
    }

    private static OrderRequest closing(AccountId account, BotId bot, PositionSnapshot position, long quantity,
                                        String tag) {
        Side side = quantity > 0 ? Side.SELL : Side.BUY;
        return OrderRequest.market(account, bot, position.symbol(), side, Math.abs(quantity), position.product())
                .withTag(tag);
    }

    /** An order the engine itself places (square-off, flatten): no pre-trade checks, visible as such by its tag. */
    private void submitSystem(OrderRequest request) {
        OrderId id = OrderId.of(nextId++);
        Instant now = clock.instant();
        Order submitted = Order.create(id, request, now).moveTo(OrderStatus.SUBMITTED, now);
        openOrders.put(id, submitted);
        OrderSubmitted event = new OrderSubmitted(nextSequence++, now, request.account(), request.bot(), id.value(),
                submitted);
        emit(event);
        notifyBot(request.bot(), event);
        gateway.submit(submitted);
    }

    private CommandResult applyRisk(RiskCommand command, long commandId) {
        if (risk == null) {
            return CommandResult.refused(null, "RISK_NOT_ATTACHED", "no risk engine is attached");
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

    private final class Control implements EngineControl {

        @Override
        public void setTradingState(AccountId account, BotId bot, TradingState state, String reason) {
            drive(() -> changeState(account, bot, state, reason, "risk", 0, false));
        }

        @Override
        public void killSwitch(AccountId account, BotId bot, String reason, boolean flatten) {
            drive(() -> TradingEngine.this.killSwitch(account, bot, reason, flatten, "risk", 0));
        }

        @Override
        public void squareOffMis(AccountId account, String reason) {
            drive(() -> {
                for (Order order : List.copyOf(openOrders.values())) {
                    if (order.account().equals(account) && order.product() == Product.MIS) {
                        cancel(order.id(), reason);
                    }
                }
                closePositions(account, BotId.NONE, Product.MIS, "MIS-SQUAREOFF");
            });
        }

        @Override
        public void alert(AccountId account, BotId bot, String code, String message) {
            drive(() -> emit(new RiskAlert(nextSequence++, clock.instant(), account, bot, 0, code, message)));
        }
    }

    // ---------------------------------------------------------------- venue reports

    private final class Reports implements ExecutionReports {

        @Override
        public void accepted(OrderId orderId, String venueOrderId) {
            drive(() -> {
                Order order = live(orderId, "accept");
                if (order == null || order.status() != OrderStatus.SUBMITTED) {
                    return;
                }
                Instant now = clock.instant();
                openOrders.put(orderId, order.accept(venueOrderId, now));
                publishOrderEvent(new OrderAccepted(nextSequence++, now, order.account(), order.bot(),
                        orderId.value(), orderId, venueOrderId));
            });
        }

        @Override
        public void rejected(OrderId orderId, String reasonCode, String message) {
            drive(() -> {
                Order order = live(orderId, "reject");
                if (order == null) {
                    return;
                }
                Instant now = clock.instant();
                order.moveTo(OrderStatus.REJECTED, now);
                openOrders.remove(orderId);
                cancelRequests.remove(orderId);
                publishOrderEvent(new OrderRejected(nextSequence++, now, order.account(), order.bot(),
                        orderId.value(), orderId, reasonCode, message));
            });
        }

        @Override
        public void filled(OrderId orderId, String fillId, long quantity, long price, long charges) {
            drive(() -> applyFill(orderId, fillId, quantity, price, charges));
        }

        @Override
        public void cancelled(OrderId orderId, String reason) {
            drive(() -> {
                Order order = live(orderId, "cancel");
                if (order == null) {
                    return;
                }
                Instant now = clock.instant();
                order.moveTo(OrderStatus.CANCELLED, now);
                openOrders.remove(orderId);
                String requested = cancelRequests.remove(orderId);
                publishOrderEvent(new OrderCancelled(nextSequence++, now, order.account(), order.bot(),
                        orderId.value(), orderId, order.remainingQuantity(), requested != null ? requested : reason));
            });
        }

        @Override
        public void modified(OrderId orderId, long quantity, long limitPrice, long triggerPrice) {
            drive(() -> {
                Order order = live(orderId, "modify");
                if (order == null) {
                    return;
                }
                OrderRequest changed = order.request().modified(quantity, limitPrice, triggerPrice);
                Instant now = clock.instant();
                openOrders.put(orderId, new Order(orderId, changed, order.status(), order.venueOrderId(),
                        order.filledQuantity(), order.filledValue(), order.createdAt(), now));
                publishOrderEvent(new OrderModified(nextSequence++, now, order.account(), order.bot(),
                        orderId.value(), orderId, changed.quantity(), changed.limitPrice(), changed.triggerPrice()));
            });
        }
    }

    private Order live(OrderId orderId, String what) {
        Order order = openOrders.get(orderId);
        if (order == null) {
            LOG.warn("venue report '{}' for {} which is not open; ignored", what, orderId);
        }
        return order;
    }

    private void applyFill(OrderId orderId, String fillId, long quantity, long price, long charges) {
        Order order = live(orderId, "fill");
        if (order == null) {
            return;
        }
        Instant now = clock.instant();
        Order updated = order.fill(quantity, price, now);
        if (updated.status() == OrderStatus.FILLED) {
            openOrders.remove(orderId);
            cancelRequests.remove(orderId);
        } else {
            openOrders.put(orderId, updated);
        }
        setLastPrice(order.symbol(), price);
        Portfolio portfolio = portfolio(order.account());
        Position position = portfolio.applyFill(order.symbol(), order.product(), order.side(), quantity, price,
                charges);
        for (int i = 0; i < portfolioList.size(); i++) {
            if (portfolioList.get(i) != portfolio) {
                portfolioList.get(i).mark(order.symbol(), price);
            }
        }
        BotRuntime bot = bots.get(order.bot());
        if (bot != null) {
            bot.addPosition(order.symbol(), order.product(), order.side().sign() * quantity);
        }
        OrderFilled fill = new OrderFilled(nextSequence++, now, order.account(), order.bot(), orderId.value(),
                orderId, fillId, order.symbol(), order.side(), order.product(), quantity, price, charges,
                updated.filledQuantity(), updated.remainingQuantity());
        emit(fill);
        emit(new PositionChanged(nextSequence++, now, order.account(), order.bot(), orderId.value(),
                order.symbol(), order.product(), position.quantity(), position.costBasis(),
                position.averagePrice(), position.realizedPnl()));
        notifyBot(order.bot(), fill);
    }

    private void publishOrderEvent(OrderEvent event) {
        emit(event);
        notifyBot(event.bot(), event);
    }

    private void notifyBot(BotId botId, OrderEvent event) {
        BotRuntime bot = bots.get(botId);
        if (bot == null) {
            return;
        }
        deferred.add(() -> {
            bot.strategy().onOrderEvent(bot, event);
            if (event instanceof OrderFilled fill) {
                bot.strategy().onFill(bot, fill);
            }
        });
    }

    private void emit(Event event) {
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onEvent(event);
        }
    }

    /** Runs {@code work} now, or after the current step when the engine is already inside one. */
    private void drive(Runnable work) {
        if (busy) {
            deferred.add(work);
            return;
        }
        busy = true;
        try {
            work.run();
            drainDeferred();
        } finally {
            deferred.clear();
            busy = false;
        }
    }

    private void drainDeferred() {
        Runnable next;
        while ((next = deferred.poll()) != null) {
            next.run();
        }
    }

    private void setLastPrice(Symbol symbol, long price) {
        long[] holder = lastPrices.get(symbol);
        if (holder == null) {
            lastPrices.put(symbol, new long[] {price});
        } else {
            holder[0] = price;
        }
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
        long[] holder = lastPrices.get(symbol);
        return holder == null ? 0 : holder[0];
    }

    @Override
    public Portfolio portfolio(AccountId account) {
        Portfolio portfolio = portfolios.get(account);
        if (portfolio == null) {
            throw new IllegalArgumentException("unknown account " + account);
        }
        return portfolio;
    }

    /** Every open account, in the order they were opened. */
    @Override
    public List<AccountId> accounts() {
        List<AccountId> ids = new ArrayList<>(portfolioList.size());
        for (Portfolio p : portfolioList) {
            ids.add(p.account());
        }
        return ids;
    }

    /** Every open account's portfolio, in the order they were opened. */
    public List<Portfolio> portfolios() {
        return List.copyOf(portfolioList);
    }

    @Override
    public List<Order> openOrders(AccountId account) {
        List<Order> result = new ArrayList<>();
        for (Order o : openOrders.values()) {
            if (o.account().equals(account)) {
                result.add(o);
            }
        }
        return result;
    }

    /** Every open order, oldest first. */
    public List<Order> openOrders() {
        return List.copyOf(openOrders.values());
    }

    /** An open order, if it is open. */
    public Optional<Order> openOrder(OrderId id) {
        return Optional.ofNullable(openOrders.get(id));
    }

    @Override
    public TradingState tradingState(AccountId account) {
        return globalState.mostRestrictive(accountStates.getOrDefault(account, TradingState.ACTIVE));
    }

    @Override
    public TradingState tradingState(AccountId account, BotId bot) {
        return tradingState(account).mostRestrictive(botStates.getOrDefault(bot, TradingState.ACTIVE));
    }

    @Override
    public long botPosition(BotId bot, Symbol symbol) {
        BotRuntime runtime = bots.get(bot);
        return runtime == null ? 0 : runtime.position(symbol);
    }

    /** The sequence number the next event will carry. */
    public long nextSequence() {
        return nextSequence;
    }
}
