package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sandbox user's order book and trade book. Orders go to the simulated venue; its reports come
 * back here and become Kite statuses, history entries and trades, and each visible change is handed
 * to the order-update listener (the ticker). Market thread only.
 */
final class OrderBook implements ExecutionReports {

    /** Kite allows 25 modifications of one order. */
    static final int MAX_MODIFICATIONS = 25;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(KiteJson.IST);

    private final SandboxMarket market;
    private final InstantSource clock;
    private final Consumer<KiteOrder> updates;
    private final Map<String, KiteOrder> byKiteId = new LinkedHashMap<>();
    private final Map<OrderId, KiteOrder> byId = new HashMap<>();
    private final List<SandboxTrade> trades = new ArrayList<>();
    private final Margins margins;
    private long sequence;
    private long tradeSequence;

    OrderBook(SandboxMarket market, long openingCashPaise, Consumer<KiteOrder> updates) {
        this.market = market;
        this.clock = market.clock();
        this.updates = updates;
        this.margins = new Margins(openingCashPaise);
        market.venue().connect(this);
    }

    /**
     * Places an order: it passes Kite's validation states, the margin check (a buy worth more than
     * the cash available is REJECTED, as Kite's RMS does) and goes to the venue.
     */
    KiteOrder place(OrderRequest request, String variety, String product, String validity, String marketProtection,
                    long disclosedQuantity) {
        Instant now = clock.instant();
        sequence++;
        String kiteId = DAY.format(now) + String.format("%09d", sequence);
        Order order = Order.create(OrderId.of(sequence), request, now);
        KiteOrder o = new KiteOrder(kiteId, order, market.instruments().token(request.symbol()), variety, product,
                validity, marketProtection, disclosedQuantity, now);
        byKiteId.put(kiteId, o);
        byId.put(order.id(), o);
        o.moveTo(KiteStatus.PUT_ORDER_REQ_RECEIVED, null, now);
        o.moveTo(KiteStatus.VALIDATION_PENDING, null, now);
        long required = requiredMargin(request);
        long available = margins.net(trades);
        if (request.side() == Side.BUY && required > available) {
            o.moveTo(KiteStatus.REJECTED, "Insufficient funds. Required margin is " + KiteJson.rupees(required)
                    + " but available margin is " + KiteJson.rupees(available) + ".", now);
            updates.accept(o);
            return o;
        }
        o.moveTo(KiteStatus.OPEN_PENDING, null, now);
        market.venue().submit(order);
        return o;
    }

    /** Changes an open order; a field of 0 keeps its value. */
    KiteOrder modify(String kiteId, long quantity, long price, long triggerPrice) {
        KiteOrder o = find(kiteId);
        if (!o.isOpen()) {
            throw KiteError.order("Order cannot be modified as it is " + o.status.toLowerCase() + ".");
        }
        if (o.modifications >= MAX_MODIFICATIONS) {
            throw new KiteError("NetworkException", 503, "Maximum allowed order modifications exceeded.");
        }
        if (quantity != 0 && quantity <= o.filledQuantity) {
            throw KiteError.input("Quantity must be more than the filled quantity " + o.filledQuantity + ".");
        }
        Instant now = clock.instant();
        String resting = o.status;
        o.moveTo(KiteStatus.MODIFY_VALIDATION_PENDING, null, now);
        o.moveTo(KiteStatus.MODIFY_PENDING, null, now);
        long before = o.modifications;
        market.venue().modify(o.order, quantity, price, triggerPrice);
        if (o.modifications == before) {
            o.moveTo(resting, null, now);
            throw KiteError.order("Order modification rejected: price or quantity not allowed for this instrument.");
        }
        return o;
    }

    /** Cancels an open order. */
    KiteOrder cancel(String kiteId) {
        KiteOrder o = find(kiteId);
        if (!o.isOpen()) {
            throw KiteError.order("Order cannot be cancelled as it is " + o.status.toLowerCase() + ".");
        }
        o.moveTo(KiteStatus.CANCEL_PENDING, null, clock.instant());
        market.venue().cancel(o.order);
        return o;
    }

    /** The order with this Kite id. */
    KiteOrder find(String kiteId) {
        KiteOrder o = byKiteId.get(kiteId);
        if (o == null) {
            throw KiteError.order("Couldn't find that `order_id`.");
        }
        return o;
    }

    /** Every order of the day, oldest first, in its current state. */
    List<Map<String, Object>> orders() {
        return byKiteId.values().stream().map(KiteOrder::json).toList();
    }

    /** Every trade of the day, oldest first. */
    List<SandboxTrade> trades() {
        return List.copyOf(trades);
    }

    /** The cash account of the equity segment. */
    Margins margins() {
        return margins;
    }

    @Override
    public void accepted(OrderId orderId, String venueOrderId) {
        KiteOrder o = byId.get(orderId);
        o.exchangeOrderId = String.valueOf(1_100_000_000_000_000L + orderId.value());
        boolean stop = o.order.type() == OrderType.SL || o.order.type() == OrderType.SL_M;
        o.moveTo(stop ? KiteStatus.TRIGGER_PENDING : KiteStatus.OPEN, null, clock.instant());
        updates.accept(o);
    }

    @Override
    public void rejected(OrderId orderId, String reasonCode, String message) {
        KiteOrder o = byId.get(orderId);
        o.moveTo(KiteStatus.REJECTED, reasonCode + ": " + message, clock.instant());
        updates.accept(o);
    }

    @Override
    public void filled(OrderId orderId, String fillId, long quantity, long price, long charges) {
        KiteOrder o = byId.get(orderId);
        Instant now = clock.instant();
        o.filledQuantity += quantity;
        o.filledValue = Math.addExact(o.filledValue, Math.multiplyExact(quantity, price));
        tradeSequence++;
        trades.add(new SandboxTrade(String.valueOf(10_000_000 + tradeSequence), o.orderId, o.exchangeOrderId,
                o.order.symbol(), o.instrumentToken, o.product, o.order.side(), quantity, price, now, o.placedAt));
        if (o.filledQuantity == o.quantity) {
            o.moveTo(KiteStatus.COMPLETE, null, now);
        } else {
            o.moveTo(o.status, null, now);
        }
        updates.accept(o);
    }

    @Override
    public void cancelled(OrderId orderId, String reason) {
        KiteOrder o = byId.get(orderId);
        o.cancelledQuantity = o.quantity - o.filledQuantity;
        o.moveTo(KiteStatus.CANCELLED, reason, clock.instant());
        updates.accept(o);
    }

    @Override
    public void modified(OrderId orderId, long quantity, long limitPrice, long triggerPrice) {
        KiteOrder o = byId.get(orderId);
        Instant now = clock.instant();
        o.quantity = quantity;
        o.price = o.order.type().needsLimitPrice() ? limitPrice : 0;
        o.triggerPrice = o.order.type().needsTriggerPrice() ? triggerPrice : 0;
        o.modifications++;
        boolean stop = o.order.type() == OrderType.SL || o.order.type() == OrderType.SL_M;
        o.moveTo(KiteStatus.MODIFIED, null, now);
        o.moveTo(stop ? KiteStatus.TRIGGER_PENDING : KiteStatus.OPEN, null, now);
        updates.accept(o);
    }

    private long requiredMargin(OrderRequest request) {
        long price = request.limitPrice() > 0 ? request.limitPrice()
                : request.triggerPrice() > 0 ? request.triggerPrice()
                : market.quote(request.symbol()).lastPrice();
        return Math.multiplyExact(price, request.quantity());
    }
}
