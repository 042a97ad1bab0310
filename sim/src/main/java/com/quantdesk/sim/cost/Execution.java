package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.util.Objects;

/**
 * One executed order on a contract note: all its fills together, because brokerage is charged and
 * capped per executed order, not per fill.
 *
 * @param symbol     the traded symbol; delivery sells are charged the DP charge once per symbol
 * @param side       buy or sell
 * @param product    intraday or delivery
 * @param valuePaise total filled value (price times quantity over all fills), in paise
 */
public record Execution(Symbol symbol, Side side, Product product, long valuePaise) {

    /**
     * Validates the execution.
     *
     * @throws IllegalArgumentException if the value is not positive
     */
    public Execution {
        Objects.requireNonNull(symbol, "symbol must not be null");
        Objects.requireNonNull(side, "side must not be null");
        Objects.requireNonNull(product, "product must not be null");
        if (valuePaise <= 0) {
            throw new IllegalArgumentException("valuePaise must be positive, was " + valuePaise);
        }
    }
}
