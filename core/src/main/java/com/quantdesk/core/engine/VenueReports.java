package com.quantdesk.core.engine;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderModified;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.portfolio.Position;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What venues report, turned into events. Each report is a step of its own (or runs after the step
 * it arrived in, when the venue answered synchronously). Engine thread only.
 */
final class VenueReports implements ExecutionReports {

    private static final Logger LOG = LoggerFactory.getLogger(VenueReports.class);

    private final TradingEngine engine;
    private final EngineState state;
    private final EngineBots bots;

    VenueReports(TradingEngine engine, EngineState state, EngineBots bots) {
        this.engine = engine;
        this.state = state;
        this.bots = bots;
    }

    @Override
    public void accepted(OrderId orderId, String venueOrderId) {
        engine.drive(new Accepted(orderId, venueOrderId));
    }

    @Override
    public void rejected(OrderId orderId, String reasonCode, String message) {
        engine.drive(() -> {
            Order order = live(orderId, "reject");
            if (order != null && legal(order, OrderStatus.REJECTED, "reject")) {
                engine.publishOrderEvent(new OrderRejected(engine.takeSequence(), engine.now(), order.account(),
                        order.bot(), orderId.value(), orderId, reasonCode, message));
            }
        });
    }

    @Override
    public void filled(OrderId orderId, String fillId, long quantity, long price, long charges) {
        engine.drive(new Filled(orderId, fillId, quantity, price, charges));
    }

    @Override
    public void cancelled(OrderId orderId, String reason) {
        engine.drive(() -> {
            Order order = live(orderId, "cancel");
            if (order != null && legal(order, OrderStatus.CANCELLED, "cancel")) {
                String requested = state.cancelRequests.get(orderId);
                engine.publishOrderEvent(new OrderCancelled(engine.takeSequence(), engine.now(), order.account(),
                        order.bot(), orderId.value(), orderId, order.remainingQuantity(),
                        requested != null ? requested : reason));
            }
        });
    }

    @Override
    public void modified(OrderId orderId, long quantity, long limitPrice, long triggerPrice) {
        engine.drive(() -> {
            Order order = live(orderId, "modify");
            if (order != null) {
                OrderRequest changed = order.request().modified(quantity, limitPrice, triggerPrice);
                engine.publishOrderEvent(new OrderModified(engine.takeSequence(), engine.now(), order.account(),
                        order.bot(), orderId.value(), orderId, changed.quantity(), changed.limitPrice(),
                        changed.triggerPrice()));
            }
        });
    }

    private Order live(OrderId orderId, String what) {
        Order order = state.openOrders.get(orderId);
        if (order == null) {
            LOG.warn("venue report '{}' for {} which is not open; ignored", what, orderId);
        }
        return order;
    }

    /** Whether the report moves the order legally; one that cannot (a reject after an acknowledgement) is logged. */
    private static boolean legal(Order order, OrderStatus target, String what) {
        if (order.status().canMoveTo(target)) {
            return true;
        }
        LOG.warn("venue report '{}' for {} which is {}; ignored", what, order.id(), order.status());
        return false;
    }

    /** A fill and the position it moved: two events of one step, then the bot hears of it. */
    private void fill(OrderId orderId, String fillId, long quantity, long price, long charges) {
        Order order = live(orderId, "fill");
        if (order == null) {
            return;
        }
        if (quantity <= 0 || quantity > order.remainingQuantity()) {
            throw new IllegalArgumentException("fill of " + quantity + " on " + orderId + " with "
                    + order.remainingQuantity() + " remaining");
        }
        Instant now = engine.now();
        long filled = order.filledQuantity() + quantity;
        OrderFilled fill = new OrderFilled(engine.takeSequence(), now, order.account(), order.bot(), orderId.value(),
                orderId, fillId, order.symbol(), order.side(), order.product(), quantity, price, charges, filled,
                order.request().quantity() - filled);
        engine.emit(fill);
        Position position = state.portfolio(order.account()).position(order.symbol(), order.product());
        engine.emit(new PositionChanged(engine.takeSequence(), now, order.account(), order.bot(), orderId.value(),
                order.symbol(), order.product(), position.quantity(), position.costBasis(),
                position.averagePrice(), position.realizedPnl()));
        bots.notify(order.bot(), fill);
    }

    // The two reports every order brings are classes of their own rather than lambdas: a lambda
    // that captures is made through a method handle, a call into the VM per report until the JIT's
    // last tier has compiled the code that makes it, which a backtest's first orders all pay.

    /** The venue took the order. */
    private final class Accepted implements Runnable {
        private final OrderId orderId;
        private final String venueOrderId;

        Accepted(OrderId orderId, String venueOrderId) {
            this.orderId = orderId;
            this.venueOrderId = venueOrderId;
        }

        @Override
        public void run() {
            Order order = live(orderId, "accept");
            // An acknowledgement after a fill (reports can cross) changes nothing.
            if (order != null && order.status() == OrderStatus.SUBMITTED) {
                engine.publishOrderEvent(new OrderAccepted(engine.takeSequence(), engine.now(), order.account(),
                        order.bot(), orderId.value(), orderId, venueOrderId));
            }
        }
    }

    /** The venue filled some or all of the order. */
    private final class Filled implements Runnable {
        private final OrderId orderId;
        private final String fillId;
        private final long quantity;
        private final long price;
        private final long charges;

        Filled(OrderId orderId, String fillId, long quantity, long price, long charges) {
            this.orderId = orderId;
            this.fillId = fillId;
            this.quantity = quantity;
            this.price = price;
            this.charges = charges;
        }

        @Override
        public void run() {
            fill(orderId, fillId, quantity, price, charges);
        }
    }
}
