package com.quantdesk.core.order;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import java.time.Instant;
import java.util.Objects;

/**
 * An immutable snapshot of an order. The engine replaces the snapshot on every change; every
 * status change goes through {@link OrderStatus#moveTo}, so an illegal transition throws.
 *
 * @param id              engine client order id
 * @param request         what was asked for
 * @param status          lifecycle state
 * @param venueOrderId    the venue's id once accepted, else empty
 * @param filledQuantity  shares traded so far
 * @param filledValue     sum of price × quantity over the fills so far, paise
 * @param createdAt       engine time of creation
 * @param updatedAt       engine time of the last change
 */
public record Order(OrderId id, OrderRequest request, OrderStatus status, String venueOrderId,
                    long filledQuantity, long filledValue, Instant createdAt, Instant updatedAt) {

    /** Validates the snapshot. */
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (filledQuantity < 0 || filledQuantity > request.quantity()) {
            throw new IllegalArgumentException("filledQuantity " + filledQuantity + " outside 0.." + request.quantity());
        }
    }

    /** A NEW order. */
    public static Order create(OrderId id, OrderRequest request, Instant now) {
        return new Order(id, request, OrderStatus.NEW, "", 0, 0, now, now);
    }

    /** A copy in {@code target} status; throws if the move is illegal. */
    public Order moveTo(OrderStatus target, Instant now) {
        return new Order(id, request, status.moveTo(target), venueOrderId, filledQuantity, filledValue, createdAt, now);
    }

    /** A copy accepted by the venue under {@code newVenueOrderId}. */
    public Order accept(String newVenueOrderId, Instant now) {
        return new Order(id, request, status.moveTo(OrderStatus.ACCEPTED), newVenueOrderId, filledQuantity,
                filledValue, createdAt, now);
    }

    /** A copy with a fill of {@code quantity} at {@code price} applied. */
    public Order fill(long quantity, long price, Instant now) {
        if (quantity <= 0 || quantity > remainingQuantity()) {
            throw new IllegalArgumentException("fill of " + quantity + " on " + id + " with " + remainingQuantity()
                    + " remaining");
        }
        long filled = filledQuantity + quantity;
        OrderStatus target = filled == request.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        return new Order(id, request, status.moveTo(target), venueOrderId, filled,
                Math.addExact(filledValue, Math.multiplyExact(price, quantity)), createdAt, now);
    }

    /** Quantity still to trade. */
    public long remainingQuantity() {
        return request.quantity() - filledQuantity;
    }

    /** Average fill price in paise, rounded half-even for display; 0 before any fill. */
    public long averageFillPrice() {
        return filledQuantity == 0 ? 0 : com.quantdesk.core.domain.Paise.scale(filledValue, 1, filledQuantity);
    }

    /** The account. */
    public AccountId account() {
        return request.account();
    }

    /** The bot. */
    public BotId bot() {
        return request.bot();
    }

    /** The instrument. */
    public Symbol symbol() {
        return request.symbol();
    }

    /** Buy or sell. */
    public Side side() {
        return request.side();
    }

    /** The order type. */
    public OrderType type() {
        return request.type();
    }

    /** The product. */
    public Product product() {
        return request.product();
    }

    /** The validity. */
    public Validity validity() {
        return request.validity();
    }

    /** Whether it is live at a venue. */
    public boolean isOpen() {
        return status.isOpen();
    }
}
