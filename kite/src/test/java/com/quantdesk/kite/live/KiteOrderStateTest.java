package com.quantdesk.kite.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.kite.rest.KiteOrder;
import com.quantdesk.kite.rest.KiteOrderId;
import com.quantdesk.kite.rest.KiteTrade;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kite's order states and trades become each report once, in a legal order, however often and in
 * whatever order they arrive.
 */
class KiteOrderStateTest {

    private static final Instant T0 = Instant.parse("2026-12-03T04:00:00Z");
    private static final OrderId ID = OrderId.of(42);
    private static final KiteOrderId KITE_ID = KiteOrderId.of("261203000000001");

    private final Map<OrderId, Order> open = new HashMap<>();
    private final List<String> reports = new ArrayList<>();
    private KiteOrderState state;

    @BeforeEach
    void setUp() {
        state = new KiteOrderState(id -> Optional.ofNullable(open.get(id)),
                (order, quantity, price, date) -> quantity * price / 1000, InstantSource.fixed(T0));
        state.connect(new Recorder());
        OrderRequest request = OrderRequest.limit(new AccountId("main"), new BotId("momo"), Symbol.of("INFY"),
                Side.BUY, 10, 150_000, Product.CNC);
        open.put(ID, Order.create(ID, request, T0).moveTo(OrderStatus.SUBMITTED, T0));
    }

    @Test
    void aFillSeenBeforeTheAcknowledgementIsPrecededByOneAndARepeatChangesNothing() {
        KiteOrder complete = order("COMPLETE", 10, 10, 150_000);
        List<KiteTrade> trades = List.of(trade("T1", 4, 149_995, 1), trade("T2", 6, 150_000, 2));

        assertThat(state.apply(ID, complete, Optional.of(trades))).isFalse();
        assertThat(state.apply(ID, complete, Optional.of(trades))).isFalse();
        state.placed(ID, KITE_ID); // the placement's own answer arrives last

        assertThat(reports).containsExactly("accepted 261203000000001", "filled T1 4 @ 149995 charges 599",
                "filled T2 6 @ 150000 charges 900");
    }

    @Test
    void anUpdateWithoutItsTradesAsksForThemAndBooksNothingYet() {
        state.placed(ID, KITE_ID);

        boolean needsTrades = state.apply(ID, order("UPDATE", 10, 4, 150_000), Optional.empty());

        assertThat(needsTrades).isTrue();
        assertThat(reports).containsExactly("accepted 261203000000001");
        assertThat(state.apply(ID, order("UPDATE", 10, 4, 150_000), Optional.of(List.of(trade("T1", 4, 150_000, 1)))))
                .isFalse();
        assertThat(reports).containsExactly("accepted 261203000000001", "filled T1 4 @ 150000 charges 600");
    }

    @Test
    void aCancelAtKiteAfterAPartialFillBooksTheFillThenTheCancel() {
        state.apply(ID, order("CANCELLED", 10, 3, 150_000), Optional.of(List.of(trade("T1", 3, 150_000, 1))));

        assertThat(reports).containsExactly("accepted 261203000000001", "filled T1 3 @ 150000 charges 450",
                "cancelled Cancelled by user");
    }

    @Test
    void aRejectionBeforeAcceptanceIsARejectionWithKitesReason() {
        KiteOrder rejected = new KiteOrder(KITE_ID, "", "", "REJECTED", "Insufficient funds", T0, null, "regular",
                "NSE", "INFY", 408065, OrderType.LIMIT, Side.BUY, "DAY", "CNC", 10, 0, 150_000, 0, 0, 0, 0, 0, "QD42");

        state.apply(ID, rejected, Optional.empty());

        assertThat(reports).containsExactly("rejected BROKER_REJECTED Insufficient funds");
    }

    @Test
    void aModificationMadeAtKiteBecomesAModifiedReport() {
        state.placed(ID, KITE_ID);

        state.apply(ID, order("OPEN", 8, 0, 149_900), Optional.empty());
        state.apply(ID, order("OPEN", 8, 0, 149_900), Optional.empty());

        assertThat(reports).containsExactly("accepted 261203000000001", "modified 8 149900 0");
    }

    @Test
    void aQuantityCutAtKiteAndThenFilledEndsTheOrderFilled() {
        state.placed(ID, KITE_ID);

        state.apply(ID, order("COMPLETE", 6, 6, 150_000), Optional.of(List.of(trade("T1", 6, 150_000, 1))));

        assertThat(reports).containsExactly("accepted 261203000000001", "modified 6 150000 0",
                "filled T1 6 @ 150000 charges 900");
        assertThat(open).doesNotContainKey(ID);
    }

    @Test
    void aQuantityRaisedAtKiteAndThenFilledBooksEveryShare() {
        state.placed(ID, KITE_ID);

        state.apply(ID, order("COMPLETE", 15, 15, 150_000), Optional.of(List.of(trade("T1", 15, 150_000, 1))));

        assertThat(reports).containsExactly("accepted 261203000000001", "modified 15 150000 0",
                "filled T1 15 @ 150000 charges 2250");
    }

    @Test
    void aSnapshotOlderThanOneAppliedDoesNotUndoItsTerms() {
        state.placed(ID, KITE_ID);
        KiteOrder newer = at(order("OPEN", 10, 0, 149_900), T0.plusSeconds(5));
        KiteOrder older = at(order("OPEN", 10, 0, 150_000), T0.plusSeconds(1));

        state.apply(ID, newer, Optional.empty());
        state.apply(ID, older, Optional.empty());

        assertThat(reports).containsExactly("accepted 261203000000001", "modified 10 149900 0");
    }

    private static KiteOrder at(KiteOrder o, Instant time) {
        return new KiteOrder(o.orderId(), o.exchangeOrderId(), o.parentOrderId(), o.status(), o.statusMessage(), time,
                time, o.variety(), o.exchange(), o.tradingsymbol(), o.instrumentToken(), o.orderType(), o.side(),
                o.validity(), o.product(), o.quantity(), o.disclosedQuantity(), o.price(), o.triggerPrice(),
                o.averagePrice(), o.filledQuantity(), o.pendingQuantity(), o.cancelledQuantity(), o.tag());
    }

    private static KiteOrder order(String status, long quantity, long filled, long price) {
        return new KiteOrder(KITE_ID, "1100000000000001", "", status,
                status.equals("CANCELLED") ? "Cancelled by user" : "", T0, T0, "regular", "NSE", "INFY", 408065,
                OrderType.LIMIT, Side.BUY, "DAY", "CNC", quantity, 0, price, 0, filled == 0 ? 0 : price, filled,
                quantity - filled, 0, "QD42");
    }

    private static KiteTrade trade(String id, long quantity, long price, int second) {
        return new KiteTrade(id, KITE_ID, "1100000000000001", "NSE", "INFY", 408065, "CNC", Side.BUY, price, quantity,
                T0.plusSeconds(second), T0.plusSeconds(second));
    }

    /** Records each report and moves the fake engine's order as the engine would. */
    private final class Recorder implements ExecutionReports {
        @Override
        public void accepted(OrderId orderId, String venueOrderId) {
            reports.add("accepted " + venueOrderId);
            open.computeIfPresent(orderId, (id, o) -> o.accept(venueOrderId, T0));
        }

        @Override
        public void rejected(OrderId orderId, String reasonCode, String message) {
            reports.add("rejected " + reasonCode + " " + message);
            open.remove(orderId);
        }

        @Override
        public void filled(OrderId orderId, String fillId, long quantity, long price, long charges) {
            reports.add("filled " + fillId + " " + quantity + " @ " + price + " charges " + charges);
            Order filled = open.get(orderId).fill(quantity, price, T0);
            if (filled.status().isOpen()) {
                open.put(orderId, filled);
            } else {
                open.remove(orderId);
            }
        }

        @Override
        public void cancelled(OrderId orderId, String reason) {
            reports.add("cancelled " + reason);
            open.remove(orderId);
        }

        @Override
        public void modified(OrderId orderId, long quantity, long limitPrice, long triggerPrice) {
            reports.add("modified " + quantity + " " + limitPrice + " " + triggerPrice);
            Order o = open.get(orderId);
            open.put(orderId, new Order(o.id(), o.request().modified(quantity, limitPrice, triggerPrice), o.status(),
                    o.venueOrderId(), o.filledQuantity(), o.filledValue(), o.createdAt(), T0));
        }
    }
}
