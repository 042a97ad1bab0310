package com.quantdesk.core.engine;

import com.quantdesk.core.order.OrderRequest;

/**
 * A pre-trade rule. The engine runs its checks in order on every new order, on the engine thread,
 * before the order can reach a venue; the first denial wins.
 */
@FunctionalInterface
public interface PreTradeCheck {

    /**
     * Decides on one order.
     *
     * @param request the order asked for
     * @param view    the engine's state at this moment (read-only)
     * @return {@link PreTradeDecision#ALLOW} or a denial
     */
    PreTradeDecision check(OrderRequest request, EngineView view);
}
