package com.quantdesk.backtest;

import com.quantdesk.core.engine.EngineListener;
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
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * Listens to a backtest's engine and keeps what the result reports: the final state of every
 * order, every fill, round trips, denials by reason, and a SHA-256 over the whole event stream
 * (the determinism fingerprint: same inputs, same hash).
 */
final class RunRecorder implements EngineListener {

    private final Map<Long, OrderState> orders = new LinkedHashMap<>();
    private final List<FillRecord> fills = new ArrayList<>();
    private final Map<String, Long> denials = new TreeMap<>();
    private final RoundTripTracker trips = new RoundTripTracker();
    private final EventDigest digest = new EventDigest();
    private long eventCount;

    private static final class OrderState {
        Order order;
        OrderStatus status;
        long quantity;
        long limit;
        long trigger;
        long filledQuantity;
        long filledValue;
        java.time.Instant updatedAt;
        String reason = "";

        OrderState(Order order) {
            this.order = order;
            this.status = order.status();
            this.quantity = order.request().quantity();
            this.limit = order.request().limitPrice();
            this.trigger = order.request().triggerPrice();
            this.updatedAt = order.updatedAt();
        }
    }

    @Override
    public void onEvent(Event event) {
        eventCount++;
        digest.add(event);
        switch (event) {
            case OrderSubmitted e -> orders.put(e.order().id().value(), new OrderState(e.order()));
            case OrderDenied e -> {
                OrderState state = new OrderState(e.order());
                state.reason = e.reasonCode() + ": " + e.message();
                orders.put(e.order().id().value(), state);
                denials.merge(e.reasonCode(), 1L, Long::sum);
            }
            case OrderAccepted e -> update(e.orderId().value(), OrderStatus.ACCEPTED, e.time(), null);
            case OrderRejected e -> update(e.orderId().value(), OrderStatus.REJECTED, e.time(),
                    e.reasonCode() + ": " + e.message());
            case OrderCancelled e -> update(e.orderId().value(), OrderStatus.CANCELLED, e.time(), e.reason());
            case OrderModified e -> {
                OrderState s = orders.get(e.orderId().value());
                s.quantity = e.quantity();
                s.limit = e.limitPrice();
                s.trigger = e.triggerPrice();
                s.updatedAt = e.time();
            }
            case OrderFilled e -> {
                OrderState s = orders.get(e.orderId().value());
                s.filledQuantity = e.filledQuantity();
                s.filledValue = Math.addExact(s.filledValue, Math.multiplyExact(e.quantity(), e.price()));
                s.status = e.remaining() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
                s.updatedAt = e.time();
                fills.add(new FillRecord(e.orderId().value(), e.fillId(), e.time(), e.symbol(), e.side(),
                        e.product(), e.quantity(), e.price(), e.charges()));
                trips.onFill(e);
            }
            // Nothing a backtest's result reports.
            case OrderCancelRequested e -> { }
            case PositionChanged e -> { }
            case TradingStateChanged e -> { }
            case RiskAlert e -> { }
            case RiskConfigChanged e -> { }
            case AccountOpened e -> { }
            case BotCreated e -> { }
            case BotStateChanged e -> { }
            case RiskSessionChanged e -> { }
            case ClosingPriceRecorded e -> { }
            case AuditRecorded e -> { }
        }
    }

    private void update(long id, OrderStatus status, java.time.Instant time, String reason) {
        OrderState s = orders.get(id);
        s.status = status;
        s.updatedAt = time;
        if (reason != null) {
            s.reason = reason;
        }
    }

    /**
     * Every order's final state, in submission order. Call once the run is over. The records are
     * made when the list is first read: a run's summary needs only how many there are, and making
     * tens of thousands of them once, after the run, in code the JIT has not compiled, took 15-20 ms
     * of a million-bar backtest.
     */
    List<OrderRecord> orders() {
        return new OrderRecords(orders.values());
    }

    /** The records of finished orders, made on first read. */
    private static final class OrderRecords extends AbstractList<OrderRecord> implements RandomAccess {

        private final Collection<OrderState> states;
        private final int size;
        private List<OrderRecord> made;

        OrderRecords(Collection<OrderState> states) {
            this.states = states;
            this.size = states.size();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public OrderRecord get(int index) {
            return records().get(index);
        }

        private synchronized List<OrderRecord> records() {
            if (made == null) {
                List<OrderRecord> result = new ArrayList<>(size);
                for (OrderState s : states) {
                    var r = s.order.request();
                    result.add(new OrderRecord(s.order.id().value(), r.symbol(), r.side(), r.type(), r.product(),
                            r.validity(), s.quantity, s.limit, s.trigger, s.status, s.filledQuantity,
                            s.filledQuantity == 0 ? 0 : com.quantdesk.core.domain.Paise.scale(s.filledValue, 1,
                                    s.filledQuantity),
                            s.order.createdAt(), s.updatedAt, s.reason));
                }
                made = List.copyOf(result);
            }
            return made;
        }
    }

    List<FillRecord> fills() {
        return List.copyOf(fills);
    }

    Map<String, Long> denials() {
        return new TreeMap<>(denials);
    }

    RoundTripTracker trips() {
        return trips;
    }

    long eventCount() {
        return eventCount;
    }

    String eventStreamHash() {
        return digest.hex();
    }
}
