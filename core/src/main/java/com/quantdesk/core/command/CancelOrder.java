package com.quantdesk.core.command;

import com.quantdesk.core.domain.OrderId;
import java.util.Objects;

/**
 * Cancel an open order.
 *
 * @param orderId the order
 * @param reason  why, recorded on the cancellation
 */
public record CancelOrder(OrderId orderId, String reason) implements Command {

    /** Validates the command. */
    public CancelOrder {
        Objects.requireNonNull(orderId, "orderId");
        reason = reason == null || reason.isBlank() ? "requested" : reason;
    }
}
