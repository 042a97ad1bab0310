package com.quantdesk.core.order;

import static com.quantdesk.core.order.OrderStatus.ACCEPTED;
import static com.quantdesk.core.order.OrderStatus.CANCELLED;
import static com.quantdesk.core.order.OrderStatus.DENIED;
import static com.quantdesk.core.order.OrderStatus.FILLED;
import static com.quantdesk.core.order.OrderStatus.NEW;
import static com.quantdesk.core.order.OrderStatus.PARTIALLY_FILLED;
import static com.quantdesk.core.order.OrderStatus.REJECTED;
import static com.quantdesk.core.order.OrderStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
            NEW, EnumSet.of(SUBMITTED, DENIED),
            SUBMITTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED, PARTIALLY_FILLED, FILLED),
            ACCEPTED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED),
            PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED),
            FILLED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            DENIED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void allowsExactlyTheDocumentedTransitions() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean legal = LEGAL.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(legal);
                if (legal) {
                    assertThat(from.moveTo(to)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to))
                            .isInstanceOf(IllegalOrderTransitionException.class)
                            .hasMessage("illegal order transition " + from + " -> " + to);
                }
            }
        }
    }

    @Test
    void fillsAccumulateToFilledAndRefuseOverfill() {
        Instant t = Instant.parse("2026-01-05T04:00:00Z");
        OrderRequest request = OrderRequest.market(AccountId.of("a"), BotId.of("b"), Symbol.of("INFY"), Side.BUY, 10,
                Product.CNC);
        Order order = Order.create(OrderId.of(1), request, t).moveTo(SUBMITTED, t).accept("V1", t);
        Order partial = order.fill(4, 150_000, t);
        assertThat(partial.status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(partial.remainingQuantity()).isEqualTo(6);
        Order filled = partial.fill(6, 150_010, t);
        assertThat(filled.status()).isEqualTo(FILLED);
        assertThat(filled.filledValue()).isEqualTo(4 * 150_000L + 6 * 150_010L);
        assertThat(filled.averageFillPrice()).isEqualTo(150_006);
        assertThatThrownBy(() -> partial.fill(7, 1, t)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> filled.moveTo(CANCELLED, t)).isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void requestNamesTheBadField() {
        assertThatThrownBy(() -> new OrderRequest(AccountId.of("a"), BotId.NONE, Symbol.of("INFY"), Side.BUY,
                com.quantdesk.core.domain.OrderType.LIMIT, Product.CNC, com.quantdesk.core.domain.Validity.DAY, 1, 0,
                0, 0, "")).hasMessageContaining("limitPrice");
        assertThatThrownBy(() -> OrderRequest.market(AccountId.of("a"), BotId.NONE, Symbol.of("INFY"), Side.BUY, 0,
                Product.CNC)).hasMessageContaining("quantity");
    }
}
