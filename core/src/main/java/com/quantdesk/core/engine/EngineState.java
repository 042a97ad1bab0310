package com.quantdesk.core.engine;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.AuditRecorded;
import com.quantdesk.core.event.BotCreated;
import com.quantdesk.core.event.BotStateChanged;
import com.quantdesk.core.event.ClosingPriceRecorded;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelRequested;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderModified;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.portfolio.Position;
import com.quantdesk.core.risk.TradingState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine knows that events change: accounts and their portfolios, open orders and
 * the cancels asked for them, trading states, bots with their books, and last prices.
 *
 * <p>{@link #apply} is the only way events change it, and it runs both when the engine emits an
 * event and when a restart replays the journal, so a recovered engine holds exactly what the live
 * one did. Bars change only prices and marks ({@link #mark}); they are not events. Engine thread only.
 */
final class EngineState {

    final Map<AccountId, Portfolio> portfolios = new LinkedHashMap<>();
    final List<Portfolio> portfolioList = new ArrayList<>();
    /** The open accounts in the order they were opened; immutable, replaced when one opens. */
    List<AccountId> accountIds = List.of();
    final Map<OrderId, Order> openOrders = new LinkedHashMap<>();
    final Map<OrderId, String> cancelRequests = new HashMap<>();
    final Map<Symbol, long[]> lastPrices = new HashMap<>();
    final Map<AccountId, TradingState> accountStates = new HashMap<>();
    final Map<BotId, TradingState> botStates = new HashMap<>();
    final Bots bots;
    TradingState globalState = TradingState.ACTIVE;

    /** @param bots builds and dispatches bots; {@code apply} creates and moves them */
    EngineState(Bots bots) {
        this.bots = bots;
    }

    /** The engine's bots as state sees them: created from a definition, moved between states. */
    interface Bots {
        void created(BotCreated event);

        void stateChanged(BotStateChanged event);

        BotRuntime get(BotId bot);
    }

    /**
     * Applies one event.
     *
     * @param replaying whether the event comes from the journal: a position event is then checked
     *                  against the position the fills built, so a journal that disagrees with itself
     *                  is caught instead of trusted
     */
    void apply(Event event, boolean replaying) {
        switch (event) {
            case AccountOpened e -> openAccount(e.account(), e.initialCash());
            case OrderSubmitted e -> openOrders.put(e.order().id(), e.order());
            case OrderDenied e -> { }
            case OrderAccepted e -> {
                Order order = openOrder(e.orderId(), e);
                openOrders.put(e.orderId(), order.accept(e.venueOrderId(), e.time()));
            }
            case OrderRejected e -> close(openOrder(e.orderId(), e), OrderStatus.REJECTED, e);
            case OrderCancelled e -> close(openOrder(e.orderId(), e), OrderStatus.CANCELLED, e);
            case OrderCancelRequested e -> {
                openOrder(e.orderId(), e);
                cancelRequests.put(e.orderId(), e.reason());
            }
            case OrderModified e -> {
                Order o = openOrder(e.orderId(), e);
                openOrders.put(e.orderId(), new Order(o.id(), o.request().modified(e.quantity(), e.limitPrice(),
                        e.triggerPrice()), o.status(), o.venueOrderId(), o.filledQuantity(), o.filledValue(),
                        o.createdAt(), e.time()));
            }
            case OrderFilled e -> fill(e);
            case PositionChanged e -> {
                if (replaying) {
                    checkPosition(e);
                }
            }
            case TradingStateChanged e -> {
                if (e.account().equals(AccountId.SYSTEM)) {
                    globalState = e.current();
                } else if (e.bot().equals(BotId.NONE)) {
                    accountStates.put(e.account(), e.current());
                } else {
                    botStates.put(e.bot(), e.current());
                }
            }
            case BotCreated e -> bots.created(e);
            case BotStateChanged e -> bots.stateChanged(e);
            // The risk engine's own records; it applies them itself.
            case RiskAlert e -> { }
            case RiskConfigChanged e -> { }
            case RiskSessionChanged e -> { }
            case ClosingPriceRecorded e -> { }
            // A record of who did what; it changes nothing the engine decides with.
            case AuditRecorded e -> { }
        }
    }

    Portfolio openAccount(AccountId account, long cash) {
        if (portfolios.containsKey(account)) {
            throw new IllegalArgumentException("account " + account + " is already open");
        }
        Portfolio portfolio = new Portfolio(account, cash);
        portfolios.put(account, portfolio);
        portfolioList.add(portfolio);
        List<AccountId> ids = new ArrayList<>(accountIds);
        ids.add(account);
        accountIds = List.copyOf(ids);
        return portfolio;
    }

    Portfolio portfolio(AccountId account) {
        Portfolio portfolio = portfolios.get(account);
        if (portfolio == null) {
            throw new IllegalArgumentException("unknown account " + account);
        }
        return portfolio;
    }

    private Order openOrder(OrderId id, Event event) {
        Order order = openOrders.get(id);
        if (order == null) {
            throw new IllegalStateException("event " + event.sequence() + " (" + event.getClass().getSimpleName()
                    + ") is for " + id + ", which is not open");
        }
        return order;
    }

    private void close(Order order, OrderStatus status, Event event) {
        order.moveTo(status, event.time());
        openOrders.remove(order.id());
        cancelRequests.remove(order.id());
    }

    private void fill(OrderFilled e) {
        Order order = openOrder(e.orderId(), e);
        Order updated = order.fill(e.quantity(), e.price(), e.time());
        if (updated.status() == OrderStatus.FILLED) {
            openOrders.remove(e.orderId());
            cancelRequests.remove(e.orderId());
        } else {
            openOrders.put(e.orderId(), updated);
        }
        setLastPrice(e.symbol(), e.price());
        Portfolio portfolio = portfolio(e.account());
        portfolio.applyFill(e.symbol(), e.product(), e.side(), e.quantity(), e.price(), e.charges());
        for (int i = 0; i < portfolioList.size(); i++) {
            if (portfolioList.get(i) != portfolio) {
                portfolioList.get(i).mark(e.symbol(), e.price());
            }
        }
        BotRuntime bot = bots.get(e.bot());
        if (bot != null) {
            bot.book().applyFill(e.symbol(), e.product(), e.side(), e.quantity(), e.price(), e.charges());
        }
    }

    private void checkPosition(PositionChanged e) {
        Position p = portfolio(e.account()).position(e.symbol(), e.product());
        if (p == null || p.quantity() != e.quantity() || p.costBasis() != e.costBasis()
                || p.realizedPnl() != e.realizedPnl()) {
            throw new IllegalStateException("journal event " + e.sequence() + " says " + e.account() + " holds "
                    + e.quantity() + " " + e.symbol() + " " + e.product() + " (cost " + e.costBasis() + ", realized "
                    + e.realizedPnl() + "), but its fills make " + (p == null ? "no position"
                    : p.quantity() + " (cost " + p.costBasis() + ", realized " + p.realizedPnl() + ")"));
        }
    }

    /** A bar or a recorded close: the symbol's last price, and every account's positions marked at it. */
    void mark(Symbol symbol, long price) {
        setLastPrice(symbol, price);
        for (int i = 0; i < portfolioList.size(); i++) {
            portfolioList.get(i).mark(symbol, price);
        }
    }

    long[] setLastPrice(Symbol symbol, long price) {
        long[] holder = lastPrices.get(symbol);
        if (holder == null) {
            holder = new long[] {price};
            lastPrices.put(symbol, holder);
        } else {
            holder[0] = price;
        }
        return holder;
    }

    long lastPrice(Symbol symbol) {
        long[] holder = lastPrices.get(symbol);
        return holder == null ? 0 : holder[0];
    }

    /** The state set on one scope (not combined with the wider ones). */
    TradingState stateAt(AccountId account, BotId bot) {
        if (account.equals(AccountId.SYSTEM)) {
            return globalState;
        }
        if (bot.equals(BotId.NONE)) {
            return accountStates.getOrDefault(account, TradingState.ACTIVE);
        }
        return botStates.getOrDefault(bot, TradingState.ACTIVE);
    }

    /** The state that applies to an account: the most restrictive of global and account. */
    TradingState tradingState(AccountId account) {
        return globalState.mostRestrictive(accountStates.getOrDefault(account, TradingState.ACTIVE));
    }

    /** Orders of a bot that are still open. */
    List<Order> openOrdersOf(BotId bot) {
        List<Order> result = new ArrayList<>();
        for (Order o : openOrders.values()) {
            if (o.bot().equals(bot)) {
                result.add(o);
            }
        }
        return result;
    }
}
