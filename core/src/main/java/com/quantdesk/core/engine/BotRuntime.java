package com.quantdesk.core.engine;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.strategy.IndicatorSet;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bot inside the engine: its strategy, its account and its own positions. Engine thread only. */
final class BotRuntime implements StrategyContext {

    private final TradingEngine engine;
    private final BotId bot;
    private final AccountId account;
    private final Strategy strategy;
    private final BarInterval interval;
    private final Map<Symbol, long[]> positions = new HashMap<>();
    private final Map<Symbol, IndicatorSet> indicators = new HashMap<>();
    // A strategy asks for the position of the bar's symbol on every bar; the last holder spares a look-up.
    private Symbol lastPositionSymbol;
    private long[] lastPosition;

    BotRuntime(TradingEngine engine, BotId bot, AccountId account, Strategy strategy, BarInterval interval) {
        this.engine = engine;
        this.bot = bot;
        this.account = account;
        this.strategy = strategy;
        this.interval = interval;
    }

    /** Whether this bot takes bars of {@code barInterval}: a bot without an interval takes every bar. */
    boolean takes(BarInterval barInterval) {
        return interval == null || barInterval == null || interval.equals(barInterval);
    }

    Strategy strategy() {
        return strategy;
    }

    /** Brings this bot's indicators for the bar's symbol up to date; called before {@code onBar}. */
    void updateIndicators(Bar bar) {
        if (!indicators.isEmpty()) {
            IndicatorSet set = indicators.get(bar.symbol());
            if (set != null) {
                set.update(bar);
            }
        }
    }

    @Override
    public IndicatorSet indicators(Symbol symbol) {
        return indicators.computeIfAbsent(symbol, s -> new IndicatorSet());
    }

    void addPosition(Symbol symbol, Product product, long signedQuantity) {
        long[] holder = positions.get(symbol);
        if (holder == null) {
            holder = new long[Product.values().length];
            positions.put(symbol, holder);
            lastPositionSymbol = null;
        }
        holder[product.ordinal()] += signedQuantity;
    }

    /** This bot's net quantity in one symbol and product. */
    long position(Symbol symbol, Product product) {
        long[] holder = positions.get(symbol);
        return holder == null ? 0 : holder[product.ordinal()];
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
        long[] holder = symbol == lastPositionSymbol ? lastPosition : positions.get(symbol);
        lastPositionSymbol = symbol;
        lastPosition = holder;
        if (holder == null) {
            return 0;
        }
        long total = 0;
        for (long q : holder) {
            total += q;
        }
        return total;
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
        var result = engine.submit(own);
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
        return engine.cancel(orderId, "cancelled by strategy").accepted();
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
