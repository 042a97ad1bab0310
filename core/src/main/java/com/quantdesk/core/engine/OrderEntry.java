package com.quantdesk.core.engine;

import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.ModifyOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.OrderCancelRequested;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.risk.TradingState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Orders going out: admission and the pre-trade checks, the submission, cancels (journaled before
 * they are sent) and modifications. Engine thread only.
 */
final class OrderEntry {

    private final TradingEngine engine;
    private final EngineState state;
    private final EngineBots bots;
    private final BrokerGateway gateway;
    private final List<PreTradeCheck> checks;
    private final Function<Symbol, Optional<Instrument>> instruments;

    OrderEntry(TradingEngine engine, EngineState state, EngineBots bots, BrokerGateway gateway,
               List<PreTradeCheck> checks, Function<Symbol, Optional<Instrument>> instruments) {
        this.engine = engine;
        this.state = state;
        this.bots = bots;
        this.gateway = gateway;
        this.checks = checks;
        this.instruments = instruments;
    }

    CommandResult submit(OrderRequest request) {
        OrderId id = OrderId.of(engine.takeId());
        Instant now = engine.now();
        Order order = Order.create(id, request, now);
        PreTradeDecision decision = admissible(request);
        if (decision.allowed()) {
            decision = preTrade(request);
        }
        if (!decision.allowed()) {
            Order denied = order.moveTo(OrderStatus.DENIED, now);
            engine.publishOrderEvent(new OrderDenied(engine.takeSequence(), now, request.account(), request.bot(),
                    id.value(), denied, decision.reasonCode(), decision.message(), decision.limit(),
                    decision.attempted()));
            return CommandResult.refused(id, decision.reasonCode(), decision.message());
        }
        Order submitted = order.moveTo(OrderStatus.SUBMITTED, now);
        send(submitted, publish(new OrderSubmitted(engine.takeSequence(), now, request.account(), request.bot(),
                id.value(), submitted)));
        return CommandResult.ok(id);
    }

    /**
     * The first denial of the pre-trade checks, in the order they were added, or
     * {@link PreTradeDecision#ALLOW}. The first check is asked before the loop: with one check, the
     * usual case (the risk engine), the loop never turns, and the order path has no loop for the JIT
     * to compile a second, on-stack copy of. That copy of {@link #submit}, with the risk engine in
     * it, took C2 a quarter of a second of a million-bar backtest.
     */
    private PreTradeDecision preTrade(OrderRequest request) {
        int n = checks.size();
        if (n == 0) {
            return PreTradeDecision.ALLOW;
        }
        PreTradeDecision decision = checks.get(0).check(request, engine);
        for (int i = 1; decision.allowed() && i < n; i++) {
            decision = checks.get(i).check(request, engine);
        }
        return decision;
    }

    /**
     * Emits an order event whose action (send, cancel) must follow even when a listener failed on
     * it: the state and the journal already say it happened, so the venue must hear it too. Returns
     * that listener's failure for the caller to throw once the action is done.
     */
    private RuntimeException publish(com.quantdesk.core.event.OrderEvent event) {
        try {
            engine.publishOrderEvent(event);
            return null;
        } catch (RuntimeException e) {
            if (engine.nextSequence() <= event.sequence()) {
                throw e; // refused by the state: it did not happen
            }
            return e;
        }
    }

    /** Sends a published order to the venue, then throws what failed while it was published. */
    private void send(Order submitted, RuntimeException publishFailure) {
        gateway.submit(submitted);
        if (publishFailure != null) {
            throw publishFailure;
        }
    }

    /** An order the engine itself places (square-off, flatten): no pre-trade checks, visible as such by its tag. */
    void submitSystem(OrderRequest request) {
        OrderId id = OrderId.of(engine.takeId());
        Instant now = engine.now();
        Order submitted = Order.create(id, request, now).moveTo(OrderStatus.SUBMITTED, now);
        send(submitted, publish(new OrderSubmitted(engine.takeSequence(), now, request.account(), request.bot(),
                id.value(), submitted)));
    }

    /** Rules every order obeys before configurable risk: known instrument, account, bot, state, CNC shorts. */
    private PreTradeDecision admissible(OrderRequest request) {
        if (!state.portfolios.containsKey(request.account())) {
            return PreTradeDecision.deny("ORDER_UNKNOWN_ACCOUNT", "unknown account " + request.account());
        }
        if (instruments.apply(request.symbol()).isEmpty()) {
            return PreTradeDecision.deny("ORDER_UNKNOWN_INSTRUMENT", "unknown instrument " + request.symbol());
        }
        PreTradeDecision bot = bots.admits(request);
        if (!bot.allowed()) {
            return bot;
        }
        TradingState scope = engine.tradingState(request.account(), request.bot());
        if (scope == TradingState.HALTED) {
            return PreTradeDecision.deny("RISK_HALTED", "trading is halted for " + request.account()
                    + (request.bot().equals(BotId.NONE) ? "" : "/" + request.bot()));
        }
        if (scope == TradingState.REDUCING && !reducesExposure(request)) {
            return PreTradeDecision.deny("RISK_REDUCING_ONLY",
                    "only exposure-reducing orders are allowed for " + request.account());
        }
        if (request.product() == Product.CNC && request.side() == Side.SELL) {
            long held = state.portfolio(request.account()).quantity(request.symbol(), Product.CNC);
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

    /** See {@link EngineView#reducesExposure}. */
    boolean reducesExposure(OrderRequest request) {
        long position = state.portfolio(request.account()).quantity(request.symbol());
        long pending = openQuantity(request.account(), request.symbol(), null, request.side());
        return position != 0 && Long.signum(position) != request.side().sign()
                && request.quantity() + pending <= Math.abs(position);
    }

    private long openQuantity(AccountId account, Symbol symbol, Product product, Side side) {
        long total = 0;
        for (Order o : state.openOrders.values()) {
            // An order we asked to cancel is on its way out; it no longer commits the holding.
            if (o.account().equals(account) && o.symbol().equals(symbol) && (product == null || o.product() == product)
                    && o.side() == side && !state.cancelRequests.containsKey(o.id())) {
                total += o.remainingQuantity();
            }
        }
        return total;
    }

    /** Asks the venue to cancel an open order; the request is journaled before it goes out. */
    CommandResult cancel(OrderId id, String reason) {
        Order order = state.openOrders.get(id);
        if (order == null) {
            return CommandResult.refused(id, "ORDER_NOT_OPEN", "order " + id + " is not open");
        }
        if (!state.cancelRequests.containsKey(id)) {
            RuntimeException failure = publish(new OrderCancelRequested(engine.takeSequence(), engine.now(),
                    order.account(), order.bot(), id.value(), id, reason));
            gateway.cancel(order);
            if (failure != null) {
                throw failure;
            }
        }
        return CommandResult.ok(id);
    }

    /** Sends again a cancel journaled before a restart, for an order still open. */
    void resendCancel(OrderId id) {
        Order order = state.openOrders.get(id);
        if (order != null && state.cancelRequests.containsKey(id)) {
            gateway.cancel(order);
        }
    }

    CommandResult modify(ModifyOrder m) {
        Order order = state.openOrders.get(m.orderId());
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
}
