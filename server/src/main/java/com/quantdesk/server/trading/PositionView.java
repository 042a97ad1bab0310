package com.quantdesk.server.trading;

import com.quantdesk.core.portfolio.PositionSnapshot;
import java.math.BigDecimal;

/** A position as the API shows it (rupees). */
public record PositionView(String account, String symbol, String product, long quantity, BigDecimal averagePrice,
                           BigDecimal lastPrice, BigDecimal marketValue, BigDecimal unrealizedPnl,
                           BigDecimal realizedPnl) {

    /** From the engine's snapshot of it. */
    public static PositionView of(String account, PositionSnapshot p) {
        return new PositionView(account, p.symbol().value(), p.product().name(), p.quantity(),
                Rupees.of(p.averagePrice()), Rupees.of(p.lastPrice()),
                Rupees.of(Math.multiplyExact(p.quantity(), p.lastPrice())), Rupees.of(p.unrealizedPnl()),
                Rupees.of(p.realizedPnl()));
    }
}
