package com.quantdesk.app.sandbox;

import java.util.Locale;

/** A ticker subscription's mode, as the client names it in {@code {"a":"mode","v":[mode,[tokens]]}}. */
enum TickerMode {
    /** Last price only: 8-byte packets. */
    LTP,
    /** Price, volume and OHLC: 44-byte packets. */
    QUOTE,
    /** Quote plus times, OI and five levels of depth: 184-byte packets. */
    FULL;

    /** Parses {@code ltp}, {@code quote} or {@code full}. */
    static TickerMode parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
