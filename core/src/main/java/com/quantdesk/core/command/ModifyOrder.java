package com.quantdesk.core.command;

import com.quantdesk.core.domain.OrderId;
import java.util.Objects;

/**
 * Change the quantity or prices of an open order. A field left at 0 keeps its current value.
 *
 * @param orderId      the order
 * @param quantity     new total quantity (not less than what has filled), or 0
 * @param limitPrice   new limit price in paise, or 0
 * @param triggerPrice new trigger price in paise, or 0
 */
public record ModifyOrder(OrderId orderId, long quantity, long limitPrice, long triggerPrice) implements Command {

    /** Validates the command. */
    public ModifyOrder {
        Objects.requireNonNull(orderId, "orderId");
        if (quantity < 0 || limitPrice < 0 || triggerPrice < 0) {
            throw new IllegalArgumentException("quantity, limitPrice and triggerPrice must not be negative");
        }
    }
}
