package com.quantdesk.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar. Prices are paise; {@code time} is the bar's opening instant.
 *
 * @param symbol instrument
 * @param time   start of the bar
 * @param open   first price
 * @param high   highest price
 * @param low    lowest price
 * @param close  last price
 * @param volume traded quantity (non-negative)
 */
public record Bar(Symbol symbol, Instant time, long open, long high, long low, long close, long volume) {

    /** Validates the bar: positive prices, low ≤ open, close ≤ high, non-negative volume. */
    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        if (open <= 0 || high <= 0 || low <= 0 || close <= 0) {
            throw new IllegalArgumentException("bar prices must be positive: " + describe(symbol, time));
        }
        if (high < low) {
            throw new IllegalArgumentException("high < low: " + describe(symbol, time));
        }
        if (open > high || open < low || close > high || close < low) {
            throw new IllegalArgumentException("open/close outside high-low: " + describe(symbol, time));
        }
        if (volume < 0) {
            throw new IllegalArgumentException("negative volume: " + describe(symbol, time));
        }
    }

    private static String describe(Symbol symbol, Instant time) {
        return symbol + " at " + time;
    }
}
