package com.quantdesk.core.order;

/** Thrown when something asks an order to make a move its state machine forbids: a broken invariant. */
public final class IllegalOrderTransitionException extends IllegalStateException {

    private final OrderStatus from;
    private final OrderStatus to;

    /** An illegal move from {@code from} to {@code to}. */
    public IllegalOrderTransitionException(OrderStatus from, OrderStatus to) {
        super("illegal order transition " + from + " -> " + to);
        this.from = from;
        this.to = to;
    }

    /** The status the order was in. */
    public OrderStatus from() {
        return from;
    }

    /** The status that was asked for. */
    public OrderStatus to() {
        return to;
    }
}
