package com.quantdesk.bench;

import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.order.Order;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * A venue that answers every order at once, on the caller's (engine) thread: accepted, then filled
 * in full, every fifth order in two parts. Market orders trade at a seeded random walk of the
 * symbol's price, limit orders at their limit. Charges are 0.03% of the fill value, at most ₹20.
 */
final class FillingVenue implements BrokerGateway {

    private static final long TICK = 5;

    private final SplittableRandom random = new SplittableRandom(20_260_105L);
    private final Map<Symbol, long[]> prices = new HashMap<>();
    private final CompletableFuture<Order> firstOrder = new CompletableFuture<>();
    private ExecutionReports reports;

    @Override
    public void connect(ExecutionReports executionReports) {
        this.reports = executionReports;
    }

    @Override
    public void submit(Order order) {
        firstOrder.complete(order);
        reports.accepted(order.id(), "V" + order.id().value());
        long price = order.type() == OrderType.LIMIT ? order.request().limitPrice() : nextPrice(order.symbol());
        long quantity = order.request().quantity();
        if (order.id().value() % 5 == 0 && quantity > 1) {
            long first = quantity / 2;
            fill(order, 1, first, price);
            fill(order, 2, quantity - first, price);
        } else {
            fill(order, 1, quantity, price);
        }
    }

    private void fill(Order order, int part, long quantity, long price) {
        long charges = Math.min(20_00, quantity * price * 3 / 10_000);
        reports.filled(order.id(), "F" + order.id().value() + "-" + part, quantity, price, charges);
    }

    private long nextPrice(Symbol symbol) {
        long[] price = prices.computeIfAbsent(symbol, s -> new long[] {startPrice(s)});
        price[0] = Math.max(100 * TICK, price[0] + (random.nextInt(21) - 10) * TICK);
        return price[0];
    }

    /** A starting price for {@code symbol} between ₹100 and ₹4,000, on the tick, the same every run. */
    static long startPrice(Symbol symbol) {
        return (100_00 + Math.floorMod(symbol.value().hashCode(), 3_900) * 100L) / TICK * TICK;
    }

    @Override
    public void cancel(Order order) {
        reports.cancelled(order.id(), "cancelled on request");
    }

    @Override
    public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
        reports.modified(order.id(), quantity, limitPrice, triggerPrice);
    }

    /** Completes with the first order this venue receives. */
    CompletableFuture<Order> firstOrder() {
        return firstOrder;
    }
}
