package com.quantdesk.kite.ticker;

/**
 * A session's open, high, low and close, in the instrument segment's price units
 * ({@link Segment#divisor()}). {@code close} is the previous session's close.
 *
 * @param open  open
 * @param high  high
 * @param low   low
 * @param close previous close
 */
public record Ohlc(long open, long high, long low, long close) {
}
