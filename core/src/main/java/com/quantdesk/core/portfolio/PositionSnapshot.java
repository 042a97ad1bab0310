package com.quantdesk.core.portfolio;

import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Symbol;

/**
 * A position at one moment. Money in paise.
 *
 * @param symbol        instrument
 * @param product       CNC or MIS
 * @param quantity      net quantity, negative when short
 * @param costBasis     signed cost of the open quantity
 * @param averagePrice  average open price (0 when flat)
 * @param realizedPnl   realized P&amp;L before charges
 * @param lastPrice     last mark price
 * @param unrealizedPnl P&amp;L of the open quantity at the last price
 */
public record PositionSnapshot(Symbol symbol, Product product, long quantity, long costBasis, long averagePrice,
                               long realizedPnl, long lastPrice, long unrealizedPnl) {
}
