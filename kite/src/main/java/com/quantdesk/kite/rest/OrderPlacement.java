package com.quantdesk.kite.rest;

/**
 * What became of an order placement. A definite refusal (bad input, margin, a 4xx envelope, a local
 * rate limit) is thrown as a {@link KiteException} instead; these are the outcomes of a call that
 * Kite accepted or whose answer was lost.
 */
public sealed interface OrderPlacement {

    /** Our client order id. */
    OrderTag tag();

    /**
     * Kite accepted the order.
     *
     * @param tag     our client order id
     * @param orderId Kite's order id
     */
    record Placed(OrderTag tag, KiteOrderId orderId) implements OrderPlacement {
    }

    /**
     * The answer was lost (timeout, 5xx) but the order book holds an order with our tag: it was
     * placed, and is not sent again.
     *
     * @param tag   our client order id
     * @param order the order found
     * @param cause the failure that made the outcome uncertain
     */
    record Recovered(OrderTag tag, KiteOrder order, KiteException cause) implements OrderPlacement {
    }

    /**
     * The answer was lost and the order book holds no order with our tag: the order was not placed.
     * The caller may place it again with the same tag.
     *
     * @param tag   our client order id
     * @param cause the failure
     */
    record NotPlaced(OrderTag tag, KiteException cause) implements OrderPlacement {
    }

    /**
     * The answer was lost and the order book could not be read either: the order may or may not
     * exist. Do not place it again; reconcile by tag later.
     *
     * @param tag           our client order id
     * @param cause         the failure of the placement
     * @param lookupFailure the failure of the lookup
     */
    record Unknown(OrderTag tag, KiteException cause, KiteException lookupFailure) implements OrderPlacement {
    }
}
