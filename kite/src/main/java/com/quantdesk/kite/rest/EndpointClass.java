package com.quantdesk.kite.rest;

/**
 * Kite's rate-limit classes (kite-connect.md A.10); each has its own limiter and circuit breaker.
 */
public enum EndpointClass {
    /** {@code /quote}, {@code /quote/ltp}, {@code /quote/ohlc}: 1 request/s. */
    QUOTE,
    /** Historical candles: 3 requests/s. */
    HISTORICAL,
    /** Order place, modify and cancel: 10/s, 400/min, 5,000/day. */
    ORDERS,
    /** Everything else: 10 requests/s. */
    OTHER
}
