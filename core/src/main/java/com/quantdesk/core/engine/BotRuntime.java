package com.quantdesk.core.engine;

import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.OrderEvent;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.strategy.IndicatorSet;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A bot inside the engine: its definition and state, its strategy instance, and its own book
 * (positions, realized P&amp;L and charges of its fills, which a stop and start keep). Engine thread
 * only.
 */
final class BotRuntime implements StrategyContext {

    /** What a strategy callback raised; the engine decides what happens to the bot. */
    interface FailureHandler {
        void strategyFailed(BotRuntime bot, String callback, RuntimeException failure);
    }

    private final TradingEngine engine;
    private final BotId bot;
    private final AccountId account;
    private final BotDefinition definition;
    private final BarInterval interval;
    private final List<Symbol> symbols;
    private final Supplier<Strategy> strategies;
    private final Portfolio book;
    private final Map<Symbol, IndicatorSet> indicators = new HashMap<>();
    private Strategy strategy;
    private String strategyProblem;
    private BotState state;

    /**
     * A bot.
     *
     * @param definition  the journaled definition, or null for a bot added directly (a backtest's)
     * @param strategies  builds a fresh strategy instance ({@link #renewStrategy}); may throw when it cannot
     * @param state       the state it starts in
     */
    BotRuntime(TradingEngine engine, BotId bot, AccountId account, BotDefinition definition, BarInterval interval,
               List<Symbol> symbols, Supplier<Strategy> strategies, BotState state) {
        this.engine = engine;
        this.bot = bot;
        this.account = account;
        this.definition = definition;
        this.interval = interval;
        this.symbols = List.copyOf(symbols);
        this.strategies = strategies;
        this.book = new Portfolio(account, 0);
        this.state = state;
    }

    /** Builds a fresh strategy instance (a start after a stop begins afresh); keeps the problem if it cannot. */
    void renewStrategy() {
        indicators.clear();
        try {
            strategy = strategies.get();
            strategyProblem = null;
        } catch (RuntimeException e) {
            strategy = null;
            strategyProblem = e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /** Why the strategy could not be built, or null when it was. */
    String strategyProblem() {
        return strategyProblem;
    }

    BotState state() {
        return state;
    }

    void state(BotState newState) {
        state = newState;
    }

    /** The journaled definition, or null for a bot added directly. */
    BotDefinition definition() {
        return definition;
    }

    List<Symbol> symbols() {
        return symbols;
    }

    /** The bot's own book: its fills' positions, cash, charges and realized P&amp;L (starting cash 0). */
    Portfolio book() {
        return book;
    }

    /** Whether this bot takes bars of {@code barInterval}: a bot without an interval takes every bar. */
    boolean takes(BarInterval barInterval) {
        return interval == null || barInterval == null || interval.equals(barInterval);
    }

    // ---------------------------------------------------------------- strategy callbacks

    void onStart(FailureHandler failures) {
        if (strategy != null) {
            try {
                strategy.onStart(this);
            } catch (RuntimeException e) {
                failures.strategyFailed(this, "onStart", TradingEngine.unwrapEngineFault(e));
            }
        }
    }

    void onBar(Bar bar, FailureHandler failures) {
        if (strategy == null) {
            return;
        }
        IndicatorSet set = indicators.isEmpty() ? null : indicators.get(bar.symbol());
        try {
            if (set != null) {
                set.update(bar);
            }
            strategy.onBar(this, bar);
        } catch (RuntimeException e) {
            failures.strategyFailed(this, "onBar", TradingEngine.unwrapEngineFault(e));
        }
    }

    void onOrderEvent(OrderEvent event, FailureHandler failures) {
        if (strategy == null) {
            return;
        }
        String callback = "onOrderEvent";
        try {
            strategy.onOrderEvent(this, event);
            if (event instanceof OrderFilled fill) {
                callback = "onFill";
                strategy.onFill(this, fill);
            }
        } catch (RuntimeException e) {
            failures.strategyFailed(this, callback, TradingEngine.unwrapEngineFault(e));
        }
    }

    void onStop(FailureHandler failures) {
        if (strategy != null) {
            try {
                strategy.onStop(this);
            } catch (RuntimeException e) {
                failures.strategyFailed(this, "onStop", TradingEngine.unwrapEngineFault(e));
            }
        }
    }

    // ---------------------------------------------------------------- StrategyContext

    @Override
    public IndicatorSet indicators(Symbol symbol) {
        return indicators.computeIfAbsent(symbol, s -> new IndicatorSet());
    }

    @Override
    public BotId bot() {
        return bot;
    }

    @Override
    public AccountId account() {
        return account;
    }

    @Override
    public Instant now() {
        return engine.now();
    }

    @Override
    public Instrument instrument(Symbol symbol) {
        return engine.instrument(symbol)
                .orElseThrow(() -> new IllegalArgumentException("unknown instrument " + symbol));
    }

    @Override
    public long position(Symbol symbol) {
        return book.quantity(symbol);
    }

    @Override
    public long cash() {
        return engine.portfolio(account).cash();
    }

    @Override
    public long equity() {
        return engine.portfolio(account).equity();
    }

    @Override
    public long lastPrice(Symbol symbol) {
        return engine.lastPrice(symbol);
    }

    @Override
    public Optional<OrderId> submit(OrderRequest request) {
        if (engine.warmingUp()) {
            return Optional.empty(); // history only primes indicators; nothing trades on it
        }
        OrderRequest own = request.account().equals(account) && request.bot().equals(bot)
                ? request
                : request.forBot(account, bot);
        var result = engine.submitFromStrategy(own);
        return result.accepted() ? result.orderId() : Optional.empty();
    }

    @Override
    public boolean cancel(OrderId orderId) {
        if (engine.warmingUp()) {
            return false;
        }
        Optional<Order> order = engine.openOrder(orderId);
        if (order.isEmpty() || !order.get().bot().equals(bot)) {
            return false;
        }
        return engine.cancelFromStrategy(orderId, "cancelled by strategy").accepted();
    }

    @Override
    public List<Order> openOrders(Symbol symbol) {
        List<Order> result = new ArrayList<>();
        for (Order o : engine.openOrders(account)) {
            if (o.bot().equals(bot) && o.symbol().equals(symbol)) {
                result.add(o);
            }
        }
        return result;
    }
}
