package com.quantdesk.backtest.metrics;

import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed trade: a position opened and closed again.
 *
 * <p>Prices are volume-weighted averages when the trade was built from several fills, so the gross
 * P&amp;L is taken as given rather than recomputed from the rounded prices.
 *
 * @param symbol          the instrument traded
 * @param direction       {@link Side#BUY} for a long trade, {@link Side#SELL} for a short trade
 * @param quantity        shares traded, positive
 * @param entryTime       when the position was opened
 * @param entryPricePaise average entry price in paise
 * @param exitTime        when the position was closed; not before {@code entryTime}
 * @param exitPricePaise  average exit price in paise
 * @param grossPnlPaise   P&amp;L before charges, in paise
 * @param chargesPaise    brokerage, taxes and fees of both legs, in paise; negative only when a fill of the
 *                        trip carries the refund of a same-day CNC round trip larger than the trip's
 *                        own charges (docs/costs.md)
 * @param netPnlPaise     {@code grossPnlPaise - chargesPaise}
 */
public record RoundTrip(
        Symbol symbol,
        Side direction,
        long quantity,
        Instant entryTime,
        long entryPricePaise,
        Instant exitTime,
        long exitPricePaise,
        long grossPnlPaise,
        long chargesPaise,
        long netPnlPaise) {

    /** Validates the trade; the message names the offending field. */
    public RoundTrip {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (exitTime.isBefore(entryTime)) {
            throw new IllegalArgumentException("exit time " + exitTime + " is before entry time " + entryTime);
        }
        if (entryPricePaise <= 0 || exitPricePaise <= 0) {
            throw new IllegalArgumentException("entry and exit prices must be positive, were "
                    + entryPricePaise + " and " + exitPricePaise);
        }
        if (netPnlPaise != Math.subtractExact(grossPnlPaise, chargesPaise)) {
            throw new IllegalArgumentException("net P&L " + netPnlPaise + " is not gross " + grossPnlPaise
                    + " minus charges " + chargesPaise);
        }
    }

    /**
     * A trade whose gross P&amp;L is computed from its prices:
     * {@code (exit - entry) * quantity} for a long, {@code (entry - exit) * quantity} for a short.
     */
    public static RoundTrip of(Symbol symbol, Side direction, long quantity,
                               Instant entryTime, long entryPricePaise,
                               Instant exitTime, long exitPricePaise, long chargesPaise) {
        long perShare = Math.multiplyExact(direction.sign(), Math.subtractExact(exitPricePaise, entryPricePaise));
        long gross = Paise.times(perShare, quantity);
        return new RoundTrip(symbol, direction, quantity, entryTime, entryPricePaise, exitTime, exitPricePaise,
                gross, chargesPaise, Math.subtractExact(gross, chargesPaise));
    }
}
