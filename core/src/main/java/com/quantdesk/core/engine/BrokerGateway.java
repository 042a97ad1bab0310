package com.quantdesk.core.engine;

import com.quantdesk.core.order.Order;

/**
 * Port to a venue: the simulated NSE or a real broker. The engine calls it after an order's
 * {@code OrderSubmitted} event has been emitted; the venue answers later (or at once) through the
 * {@link ExecutionReports} it was connected to. Implementations must not block the caller on I/O.
 */
public interface BrokerGateway {

    /** Gives the gateway the sink for its reports. Called once, before any order. */
    void connect(ExecutionReports reports);

    /** Sends a new order. */
    void submit(Order order);

    /** Asks the venue to cancel an open order. */
    void cancel(Order order);

    /**
     * Asks the venue to change an open order; a field of 0 keeps its value.
     */
    void modify(Order order, long quantity, long limitPrice, long triggerPrice);
}
