package com.quantdesk.core.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of an order. Legal moves:
 * <pre>
 * NEW ──> SUBMITTED ──> ACCEPTED ──> PARTIALLY_FILLED ──> FILLED
 *  │          │            │   └──────────────────────────^ │
 *  └> DENIED  └> REJECTED  └> CANCELLED <── PARTIALLY_FILLED
 * </pre>
 * DENIED is our own risk engine's refusal; REJECTED is the venue's. A venue may cancel or fill a
 * SUBMITTED order before its acknowledgement arrives (reconnects reorder messages), so those moves
 * are legal too.
 */
public enum OrderStatus {
    /** Created by the engine, not yet checked. */
    NEW,
    /** Passed pre-trade risk and handed to the venue. */
    SUBMITTED,
    /** Acknowledged by the venue and working. */
    ACCEPTED,
    /** Some but not all of the quantity has traded. */
    PARTIALLY_FILLED,
    /** All of the quantity has traded. */
    FILLED,
    /** Cancelled by the user, by expiry (DAY, IOC) or by the kill switch. */
    CANCELLED,
    /** Refused by the venue. */
    REJECTED,
    /** Refused by our own pre-trade risk checks; it never reached a venue. */
    DENIED;

    private Set<OrderStatus> next;

    static {
        NEW.next = EnumSet.of(SUBMITTED, DENIED);
        SUBMITTED.next = EnumSet.of(ACCEPTED, REJECTED, CANCELLED, PARTIALLY_FILLED, FILLED);
        ACCEPTED.next = EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED);
        PARTIALLY_FILLED.next = EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED);
        FILLED.next = EnumSet.noneOf(OrderStatus.class);
        CANCELLED.next = EnumSet.noneOf(OrderStatus.class);
        REJECTED.next = EnumSet.noneOf(OrderStatus.class);
        DENIED.next = EnumSet.noneOf(OrderStatus.class);
    }

    /** Whether the order can move from this status to {@code target}. */
    public boolean canMoveTo(OrderStatus target) {
        return next.contains(target);
    }

    /** Whether no further change is possible. */
    public boolean isTerminal() {
        return next.isEmpty();
    }

    /** Whether the order is live at a venue (it may still fill or be cancelled). */
    public boolean isOpen() {
        return this == SUBMITTED || this == ACCEPTED || this == PARTIALLY_FILLED;
    }

    /**
     * Checks a move and returns the target.
     *
     * @throws IllegalOrderTransitionException if the move is not legal
     */
    public OrderStatus moveTo(OrderStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalOrderTransitionException(this, target);
        }
        return target;
    }
}
