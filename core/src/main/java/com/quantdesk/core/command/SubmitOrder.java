package com.quantdesk.core.command;

import com.quantdesk.core.order.OrderRequest;
import java.util.Objects;

/**
 * Place a new order.
 *
 * @param request the order asked for
 */
public record SubmitOrder(OrderRequest request) implements Command {

    /** Validates the command. */
    public SubmitOrder {
        Objects.requireNonNull(request, "request");
    }
}
