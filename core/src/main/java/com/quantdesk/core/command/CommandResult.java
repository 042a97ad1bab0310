package com.quantdesk.core.command;

import com.quantdesk.core.domain.OrderId;
import java.util.Optional;

/**
 * The engine's answer to a command.
 *
 * @param accepted   whether the command took effect
 * @param orderId    the order created or addressed, if any
 * @param reasonCode stable code when not accepted (e.g. {@code RISK_MAX_ORDER_VALUE}), else empty
 * @param message    human-readable detail, else empty
 */
public record CommandResult(boolean accepted, Optional<OrderId> orderId, String reasonCode, String message) {

    /** Success without an order. */
    public static CommandResult ok() {
        return new CommandResult(true, Optional.empty(), "", "");
    }

    /** Success for an order. */
    public static CommandResult ok(OrderId orderId) {
        return new CommandResult(true, Optional.of(orderId), "", "");
    }

    /** Refusal with a reason. */
    public static CommandResult refused(OrderId orderId, String reasonCode, String message) {
        return new CommandResult(false, Optional.ofNullable(orderId), reasonCode, message);
    }
}
