package com.quantdesk.server.trading;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderDenied;
import java.util.Optional;

/**
 * Keeps the engine's last risk denial, so a placement that was denied can answer with the limit and
 * the value that broke it. Engine thread only: it is read in the same engine call that placed the
 * order.
 */
final class DeniedOrders implements EngineListener {

    private OrderDenied last;

    @Override
    public void onEvent(Event event) {
        if (event instanceof OrderDenied denied) {
            last = denied;
        }
    }

    /** The denial of {@code order}, if it was the last one. */
    Optional<OrderDenied> of(OrderId order) {
        return last != null && last.orderId().equals(order) ? Optional.of(last) : Optional.empty();
    }
}
