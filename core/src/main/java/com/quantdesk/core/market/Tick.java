package com.quantdesk.core.market;

import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade print from a market-data feed.
 *
 * <p>The price is not validated here: a feed can send a zero or negative price, and deciding what
 * to do with it is the job of {@link TickFilter}, which counts what it drops.
 *
 * @param symbol instrument
 * @param time   exchange time of the trade
 * @param price  trade price in paise, as received
 * @param size   traded quantity (not negative; 0 for a price-only update)
 */
public record Tick(Symbol symbol, Instant time, long price, long size) {

    /** Validates the symbol, time and size. */
    public Tick {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        if (size < 0) {
            throw new IllegalArgumentException("negative tick size " + size + " for " + symbol + " at " + time);
        }
    }
}
