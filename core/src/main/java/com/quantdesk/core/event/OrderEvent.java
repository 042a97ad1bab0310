package com.quantdesk.core.event;

import com.quantdesk.core.domain.OrderId;

/** An event in the life of one order. */
public sealed interface OrderEvent extends Event
        permits OrderSubmitted, OrderDenied, OrderAccepted, OrderRejected, OrderFilled, OrderCancelled, OrderModified,
                OrderCancelRequested {

    /** The order. */
    OrderId orderId();
}
