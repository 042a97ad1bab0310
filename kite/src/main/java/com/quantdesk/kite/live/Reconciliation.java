package com.quantdesk.kite.live;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.kite.rest.KiteOrder;
import com.quantdesk.kite.rest.KiteOrderId;
import com.quantdesk.kite.rest.KitePosition;
import com.quantdesk.kite.rest.KiteTrade;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares Kite's order book, trades and day positions with the engine's, and settles what differs:
 *
 * <ul>
 *   <li>an order of ours still open here is found at Kite (by tag, else by Kite's id) and its state
 *       and trades applied: fills that happened while we were away are adopted, each once;</li>
 *   <li>a submitted order Kite never received (no order with its tag, none being placed now) is
 *       rejected as {@code BROKER_ORDER_NOT_FOUND}: it was never placed, and is not sent again;</li>
 *   <li>an acknowledged order missing from today's book is from an earlier day, which Kite lapses:
 *       it is cancelled here;</li>
 *   <li>a trade of one of our orders that the journal never booked (the order is settled here) and
 *       a day position at Kite that our fills do not explain (trades made outside the platform)
 *       become alerts, each difference once.</li>
 * </ul>
 *
 * Engine thread only.
 */
public final class Reconciliation {

    /**
     * What Kite showed.
     *
     * @param orders       today's orders
     * @param trades       today's trades
     * @param dayPositions today's positions
     */
    public record Book(List<KiteOrder> orders, List<KiteTrade> trades, List<KitePosition> dayPositions) {
    }

    /**
     * What a reconciliation found and did.
     *
     * @param matched      our open orders found at Kite and brought up to date
     * @param fillsAdopted fills booked from Kite's trades
     * @param notPlaced    submitted orders Kite never received, rejected
     * @param lapsed       acknowledged orders of an earlier day, cancelled
     * @param alerts       differences reported as alerts (new ones only)
     * @param orphans      orders of ours still working at Kite that are settled here (to be cancelled)
     * @param foreignTags  tags in Kite's book beyond this journal's orders; when there are any, nothing
     *                     else was applied (see {@link #apply})
     */
    public record Result(int matched, int fillsAdopted, int notPlaced, int lapsed, List<String> alerts,
                         List<KiteOrderId> orphans, List<String> foreignTags) {
    }

    private record PositionKey(String symbol, String product) implements Comparable<PositionKey> {
        @Override
        public int compareTo(PositionKey o) {
            int c = symbol.compareTo(o.symbol);
            return c != 0 ? c : product.compareTo(o.product);
        }

        @Override
        public String toString() {
            return symbol + " " + product;
        }
    }

    private final AccountId account;
    private final KiteOrderState orders;
    private final Function<OrderId, Optional<Order>> openOrders;
    private final Map<LocalDate, Map<PositionKey, Long>> netByDay = new HashMap<>();
    private final Map<LocalDate, Set<String>> bookedTrades = new HashMap<>();
    private final Set<String> alerted = new HashSet<>();
    private final Set<KiteOrderId> suspected = new HashSet<>();
    private long fillsBooked;

    Reconciliation(AccountId account, KiteOrderState orders, Function<OrderId, Optional<Order>> openOrders) {
        this.account = account;
        this.orders = orders;
        this.openOrders = openOrders;
    }

    /** Counts a fill of the journal (replayed or new) into the day's net quantities. */
    void recordFill(OrderFilled fill) {
        if (!fill.account().equals(account)) {
            return;
        }
        fillsBooked++;
        LocalDate day = MarketTime.tradeDate(fill.time());
        bookedTrades.computeIfAbsent(day, d -> new HashSet<>()).add(fill.fillId());
        long signed = fill.side() == Side.BUY ? fill.quantity() : -fill.quantity();
        netByDay.computeIfAbsent(day, d -> new HashMap<>())
                .merge(new PositionKey(fill.symbol().value(), fill.product().name()), signed, Long::sum);
    }

    /**
     * Applies {@code book}.
     *
     * @param placing orders whose placement is on its way to Kite now
     * @param minAge  how long a submitted order must have gone unseen before it is judged never placed
     */
    Result apply(Book book, TradingEngine engine, Set<OrderId> placing, Duration minAge) {
        // Tags this journal has not handed out yet mean its order numbers would collide with Kite's
        // book (a journal restored from before the day's orders, or another installation on the
        // account): matching by tag would take those orders for ours. Nothing is applied then.
        List<String> foreign = new ArrayList<>();
        for (KiteOrder order : book.orders()) {
            KiteVenue.ourId(order.tag()).filter(id -> id.value() >= engine.nextId()).ifPresent(id ->
                    foreign.add(order.tag()));
        }
        if (!foreign.isEmpty()) {
            List<String> alerts = new ArrayList<>();
            alert(engine, alerts, "BROKER_FOREIGN_TAGS", "Kite's book has orders tagged " + foreign + " beyond this "
                    + "journal's last order number " + (engine.nextId() - 1) + ": the journal is older than the "
                    + "account's day (restored from a backup?) or another installation trades this account");
            return new Result(0, 0, 0, 0, List.copyOf(alerts), List.of(), List.copyOf(foreign));
        }
        long fillsBefore = fillsBooked;
        Instant now = engine.now();
        // Kite's book is today's: older days' figures are not needed again.
        LocalDate yesterday = MarketTime.tradeDate(now).minusDays(1);
        netByDay.keySet().removeIf(day -> day.isBefore(yesterday));
        bookedTrades.keySet().removeIf(day -> day.isBefore(yesterday));
        Set<String> booked = new HashSet<>();
        bookedTrades.values().forEach(booked::addAll);
        Map<OrderId, KiteOrder> byTag = new HashMap<>();
        Map<KiteOrderId, KiteOrder> byId = new HashMap<>();
        for (KiteOrder order : book.orders()) {
            byId.put(order.orderId(), order);
            KiteVenue.ourId(order.tag()).ifPresent(id -> byTag.putIfAbsent(id, order));
        }
        Map<KiteOrderId, List<KiteTrade>> tradesByOrder = new HashMap<>();
        for (KiteTrade trade : book.trades()) {
            tradesByOrder.computeIfAbsent(trade.orderId(), o -> new ArrayList<>()).add(trade);
        }
        int matched = 0;
        int notPlaced = 0;
        int lapsed = 0;
        List<String> alerts = new ArrayList<>();
        for (Order order : engine.inFlightOrders()) {
            if (!order.account().equals(account) || placing.contains(order.id())) {
                continue;
            }
            KiteOrder atKite = orders.kiteId(order.id()).map(byId::get).orElse(null);
            if (atKite == null) {
                atKite = byTag.get(order.id());
            }
            if (atKite != null) {
                List<KiteTrade> trades = tradesByOrder.getOrDefault(atKite.orderId(), List.of());
                orders.apply(order.id(), atKite, Optional.of(trades));
                matched++;
            } else if (order.status() == OrderStatus.SUBMITTED) {
                if (!order.updatedAt().plus(minAge).isAfter(now)) {
                    engine.reports().rejected(order.id(), "BROKER_ORDER_NOT_FOUND", "Kite has no order tagged QD"
                            + order.id().value() + ": it was never placed, and is not sent again");
                    notPlaced++;
                }
            } else if (!order.updatedAt().plus(minAge).isAfter(now)) {
                engine.reports().cancelled(order.id(), "not in Kite's order book today: it lapsed at the end of "
                        + "its day");
                lapsed++;
            }
        }
        for (KiteTrade trade : book.trades()) {
            KiteOrder of = byId.get(trade.orderId());
            Optional<OrderId> ours = of == null ? Optional.empty() : KiteVenue.ourId(of.tag());
            if (ours.isPresent() && !booked.contains(trade.tradeId()) && openOrders.apply(ours.get()).isEmpty()) {
                alert(engine, alerts, "BROKER_UNBOOKED_TRADE", "Kite trade " + trade.tradeId() + " of order "
                        + ours.get() + " (" + trade.side() + " " + trade.quantity() + " " + trade.tradingsymbol()
                        + ") is not in the journal, whose order is settled");
            }
        }
        // A book read just before an order settled here shows it working: while orders may be in
        // flight (minAge > 0) an orphan must be seen by two reconciliations in a row.
        List<KiteOrderId> orphans = new ArrayList<>();
        Set<KiteOrderId> suspects = new HashSet<>();
        for (KiteOrder order : book.orders()) {
            Optional<OrderId> ours = KiteVenue.ourId(order.tag());
            if (ours.isPresent() && !order.isTerminal() && openOrders.apply(ours.get()).isEmpty()
                    && !placing.contains(ours.get())) {
                suspects.add(order.orderId());
                if (!minAge.isZero() && !suspected.contains(order.orderId())) {
                    continue;
                }
                orphans.add(order.orderId());
                alert(engine, alerts, "BROKER_ORPHAN_ORDER", "order " + ours.get() + " (Kite " + order.orderId()
                        + ", " + order.side() + " " + order.quantity() + " " + order.tradingsymbol() + ") is "
                        + order.status() + " at Kite but settled here; it is being cancelled at Kite");
            }
        }
        suspected.clear();
        suspected.addAll(suspects);
        comparePositions(book, engine, alerts);
        return new Result(matched, (int) (fillsBooked - fillsBefore), notPlaced, lapsed, List.copyOf(alerts),
                List.copyOf(orphans), List.of());
    }

    private void comparePositions(Book book, TradingEngine engine, List<String> alerts) {
        Map<PositionKey, Long> ours = netByDay.getOrDefault(MarketTime.tradeDate(engine.now()), Map.of());
        Map<PositionKey, Long> theirs = new TreeMap<>();
        for (KitePosition p : book.dayPositions()) {
            if (p.exchange().equals("NSE")) {
                theirs.merge(new PositionKey(p.tradingsymbol(), p.product()), p.buyQuantity() - p.sellQuantity(),
                        Long::sum);
            }
        }
        Set<PositionKey> keys = new TreeSet<>(theirs.keySet());
        keys.addAll(ours.keySet());
        for (PositionKey key : keys) {
            long kite = theirs.getOrDefault(key, 0L);
            long journal = ours.getOrDefault(key, 0L);
            if (kite != journal) {
                alert(engine, alerts, "BROKER_POSITION_MISMATCH", key + ": Kite's day position is " + kite
                        + ", the journal's fills make " + journal);
            }
        }
    }

    private void alert(TradingEngine engine, List<String> alerts, String code, String message) {
        if (alerted.add(code + message)) {
            engine.raiseAlert(account, code, message);
            alerts.add(code + ": " + message);
        }
    }
}
