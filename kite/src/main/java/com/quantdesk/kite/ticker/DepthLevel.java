package com.quantdesk.kite.ticker;

/**
 * One level of market depth.
 *
 * @param quantity total quantity at the level (unsigned on the wire)
 * @param price    price in the segment's price units ({@link Segment#divisor()})
 * @param orders   number of orders at the level (unsigned on the wire)
 */
public record DepthLevel(long quantity, long price, int orders) {
}
