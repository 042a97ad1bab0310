package com.quantdesk.kite.live;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.kite.rest.KiteOrder;
import com.quantdesk.kite.rest.KiteOrderId;
import com.quantdesk.kite.rest.KiteTrade;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what Kite says about an order (its latest state and its trades) into execution reports, each
 * at most once: an acknowledgement the first time the order is seen at Kite, a fill per trade id not
 * reported before, then a rejection or a cancellation when Kite ends the order with quantity left.
 *
 * <p>The same snapshot may arrive several times (a ticker update, a postback, a reconciliation), in
 * any order: what was reported is remembered by order (Kite's id) and by trade id, rebuilt from the
 * journal on a restart. A fill seen before the acknowledgement is preceded by one. Engine thread only.
 */
final class KiteOrderState {

    private static final Logger LOG = LoggerFactory.getLogger(KiteOrderState.class);

    private final Map<OrderId, KiteOrderId> kiteIds = new HashMap<>();
    private final Map<OrderId, Set<String>> tradesReported = new HashMap<>();
    private final Map<OrderId, Instant> newestApplied = new HashMap<>();
    private final Function<OrderId, Optional<Order>> openOrders;
    private final BrokerCharges charges;
    private final InstantSource clock;
    private ExecutionReports reports;

    KiteOrderState(Function<OrderId, Optional<Order>> openOrders, BrokerCharges charges, InstantSource clock) {
        this.openOrders = openOrders;
        this.charges = charges;
        this.clock = clock;
    }

    void connect(ExecutionReports executionReports) {
        this.reports = executionReports;
    }

    /** Kite's id of an order we placed, once known. */
    Optional<KiteOrderId> kiteId(OrderId order) {
        return Optional.ofNullable(kiteIds.get(order));
    }

    /** Remembers an acknowledgement read from the journal. */
    void recordAccepted(OrderId order, String venueOrderId) {
        if (!venueOrderId.isEmpty()) {
            kiteIds.put(order, KiteOrderId.of(venueOrderId));
        }
    }

    /** Remembers a fill read from the journal. */
    void recordFill(OrderId order, String tradeId) {
        tradesReported.computeIfAbsent(order, o -> new HashSet<>()).add(tradeId);
    }

    /** Forgets an order that can change no more. */
    void forget(OrderId order) {
        kiteIds.remove(order);
        tradesReported.remove(order);
        newestApplied.remove(order);
    }

    /** Kite took the order under {@code kiteId}: acknowledges it if it still waits for that. */
    void placed(OrderId id, KiteOrderId kiteId) {
        kiteIds.putIfAbsent(id, kiteId);
        Optional<Order> order = openOrders.apply(id);
        if (order.isPresent() && order.get().status() == OrderStatus.SUBMITTED) {
            reports.accepted(id, kiteId.value());
        }
    }

    /**
     * Applies Kite's latest state of our order {@code id} and, when known, its trades.
     *
     * @param trades the order's trades, or empty when they were not read (a fill then waits for them)
     * @return whether Kite shows more filled than the trades given cover (read the trades and call again)
     */
    boolean apply(OrderId id, KiteOrder latest, Optional<List<KiteTrade>> trades) {
        Optional<Order> open = openOrders.apply(id);
        if (open.isEmpty()) {
            return false; // already settled here; a late or repeated report changes nothing
        }
        kiteIds.putIfAbsent(id, latest.orderId());
        if (latest.status().equals("REJECTED")) {
            settleRejected(open.get(), latest);
            return false;
        }
        if (open.get().status() == OrderStatus.SUBMITTED) {
            reports.accepted(id, latest.orderId().value());
        }
        // Kite's terms first: a quantity changed at Kite (then filled) must be the order's before its
        // trades are booked, or a cut order stays open and a raised one loses fills.
        boolean ended = latest.status().equals("CANCELLED") || latest.status().equals("LAPSED");
        if (!ended && isCurrent(id, latest)) {
            openOrders.apply(id).ifPresent(order -> applyTerms(order, latest));
        }
        long reportedFilled = applyTrades(id, trades.orElse(List.of()));
        Order order = openOrders.apply(id).orElse(null);
        if (order == null) {
            return false;
        }
        if (latest.filledQuantity() > reportedFilled && latest.filledQuantity() > order.filledQuantity()) {
            return true; // Kite filled more than the trades we hold show: they are to be read
        }
        if (ended) {
            reports.cancelled(id, latest.statusMessage().isEmpty() ? "cancelled at Kite" : latest.statusMessage());
        }
        return false;
    }

    /** Whether {@code latest} is not older than the newest state of the order applied before. */
    private boolean isCurrent(OrderId id, KiteOrder latest) {
        Instant at = latest.orderTimestamp();
        if (at == null) {
            return true;
        }
        Instant before = newestApplied.get(id);
        if (before != null && at.isBefore(before)) {
            return false; // a snapshot read before a newer one was applied: its terms are stale
        }
        newestApplied.put(id, at);
        return true;
    }

    /** Fills for trades not reported before, oldest first; answers the quantity the trades cover. */
    private long applyTrades(OrderId id, List<KiteTrade> trades) {
        Set<String> seen = tradesReported.computeIfAbsent(id, o -> new HashSet<>());
        List<KiteTrade> sorted = new ArrayList<>(trades);
        sorted.sort(Comparator.comparing((KiteTrade t) -> t.fillTimestamp() == null ? Instant.EPOCH : t.fillTimestamp())
                .thenComparing(KiteTrade::tradeId));
        long covered = 0;
        for (KiteTrade trade : sorted) {
            covered += trade.quantity();
            if (seen.contains(trade.tradeId())) {
                continue;
            }
            Order order = openOrders.apply(id).orElse(null);
            if (order == null) {
                break;
            }
            long quantity = Math.min(trade.quantity(), order.remainingQuantity());
            if (quantity <= 0) {
                LOG.warn("Kite trade {} of {} exceeds the order's quantity; ignored", trade.tradeId(), id);
                continue;
            }
            seen.add(trade.tradeId());
            Instant when = trade.fillTimestamp() != null ? trade.fillTimestamp() : clock.instant();
            reports.filled(id, trade.tradeId(), quantity, trade.averagePrice(),
                    charges.charge(order, quantity, trade.averagePrice(), MarketTime.tradeDate(when)));
        }
        return covered;
    }

    private void settleRejected(Order order, KiteOrder latest) {
        String message = latest.statusMessage().isEmpty() ? "rejected by Kite" : latest.statusMessage();
        if (order.status().canMoveTo(OrderStatus.REJECTED)) {
            reports.rejected(order.id(), "BROKER_REJECTED", message);
        } else {
            reports.cancelled(order.id(), "rejected by Kite after acceptance: " + message);
        }
    }

    /** A modification Kite applied (quantity or prices differ from ours) becomes a report. */
    private void applyTerms(Order order, KiteOrder latest) {
        var request = order.request();
        boolean priced = request.type().needsLimitPrice();
        boolean triggered = request.type().needsTriggerPrice();
        long quantity = latest.quantity();
        long price = priced ? latest.price() : request.limitPrice();
        long trigger = triggered ? latest.triggerPrice() : request.triggerPrice();
        if (quantity != request.quantity() || price != request.limitPrice() || trigger != request.triggerPrice()) {
            if (quantity < order.filledQuantity() || quantity <= 0) {
                LOG.warn("Kite shows {} with quantity {} below its fills; ignored", order.id(), quantity);
                return;
            }
            reports.modified(order.id(), quantity, priced ? price : 0, triggered ? trigger : 0);
        }
    }
}
