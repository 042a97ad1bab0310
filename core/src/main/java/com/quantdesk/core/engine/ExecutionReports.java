package com.quantdesk.core.engine;

import com.quantdesk.core.domain.OrderId;

/**
 * What a venue reports about orders. The engine implements it; in live and paper mode the adapter
 * hands each report to the engine thread rather than calling it from its own thread.
 */
public interface ExecutionReports {

    /** The venue acknowledged the order. */
    void accepted(OrderId orderId, String venueOrderId);

    /** The venue refused the order. */
    void rejected(OrderId orderId, String reasonCode, String message);

    /**
     * Some of the order traded.
     *
     * @param fillId   the venue's trade id
     * @param quantity shares traded
     * @param price    price, paise
     * @param charges  charges for this fill, paise
     */
    void filled(OrderId orderId, String fillId, long quantity, long price, long charges);

    /** The order is cancelled (on request, by expiry, or an IOC remainder). */
    void cancelled(OrderId orderId, String reason);

    /** The venue applied a modification. */
    void modified(OrderId orderId, long quantity, long limitPrice, long triggerPrice);
}
