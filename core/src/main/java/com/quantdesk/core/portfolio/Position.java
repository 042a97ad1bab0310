package com.quantdesk.core.portfolio;

import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Symbol;

/**
 * One net position (per symbol and product) of an account. Owned by the engine thread; others see
 * {@link PositionSnapshot}s.
 *
 * <p>The cost basis is the signed cost of the open quantity (positive for a long, negative for a
 * short). Closing part of a position removes a proportional share of the basis rounded half-even;
 * the rounding remainder stays in the basis and is released when the position closes, so the
 * realized P&amp;L over a position's life is exact to the paisa.
 */
public final class Position {

    private final Symbol symbol;
    private final Product product;
    private long quantity;
    private long costBasis;
    private long realizedPnl;
    private long lastPrice;

    Position(Symbol symbol, Product product) {
        this.symbol = symbol;
        this.product = product;
    }

    /**
     * Applies a fill and returns the realized P&amp;L it produced (before charges).
     *
     * @param signedQuantity positive for a buy, negative for a sell
     * @param price          fill price, paise
     */
    long apply(long signedQuantity, long price) {
        long realized = 0;
        long rest = signedQuantity;
        if (quantity != 0 && Long.signum(quantity) != Long.signum(signedQuantity)) {
            long closing = Math.min(Math.abs(signedQuantity), Math.abs(quantity));
            long closingSigned = Long.signum(signedQuantity) * closing;
            long removedBasis = closing == Math.abs(quantity)
                    ? costBasis
                    : Paise.scale(costBasis, closing, Math.abs(quantity));
            // Closing a long sells (proceeds positive); closing a short buys back (proceeds negative).
            long proceeds = Math.negateExact(Math.multiplyExact(closingSigned, price));
            realized = Math.subtractExact(proceeds, removedBasis);
            quantity += closingSigned;
            costBasis = Math.subtractExact(costBasis, removedBasis);
            rest -= closingSigned;
        }
        if (rest != 0) {
            quantity = Math.addExact(quantity, rest);
            costBasis = Math.addExact(costBasis, Math.multiplyExact(rest, price));
        }
        realizedPnl = Math.addExact(realizedPnl, realized);
        lastPrice = price;
        return realized;
    }

    /** Sets the mark price and returns the change in market value it caused. */
    long mark(long price) {
        long delta = Math.multiplyExact(quantity, Math.subtractExact(price, lastPrice == 0 ? price : lastPrice));
        lastPrice = price;
        return delta;
    }

    /** Instrument. */
    public Symbol symbol() {
        return symbol;
    }

    /** Product. */
    public Product product() {
        return product;
    }

    /** Net quantity; negative when short. */
    public long quantity() {
        return quantity;
    }

    /** Signed cost of the open quantity, paise. */
    public long costBasis() {
        return costBasis;
    }

    /** Realized P&amp;L before charges, paise. */
    public long realizedPnl() {
        return realizedPnl;
    }

    /** Last mark or fill price, paise. */
    public long lastPrice() {
        return lastPrice;
    }

    /** Market value at the last price (negative for a short), paise. */
    public long marketValue() {
        return Math.multiplyExact(quantity, lastPrice);
    }

    /** Unrealized P&amp;L at the last price, paise. */
    public long unrealizedPnl() {
        return Math.subtractExact(marketValue(), costBasis);
    }

    /** Average open price, paise, rounded half-even; 0 when flat. */
    public long averagePrice() {
        return quantity == 0 ? 0 : Paise.scale(costBasis, 1, quantity);
    }

    /** An immutable copy. */
    public PositionSnapshot snapshot() {
        return new PositionSnapshot(symbol, product, quantity, costBasis, averagePrice(), realizedPnl, lastPrice,
                unrealizedPnl());
    }
}
