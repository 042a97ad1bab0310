package com.quantdesk.kite.ticker;

/** How much the ticker streams for an instrument (docs/kite-connect.md §B.2). */
public enum TickerMode {
    /** Last traded price only (8-byte packets). */
    LTP("ltp"),
    /** Price, volume, OHLC (44-byte packets; 28 for indices). */
    QUOTE("quote"),
    /** Quote plus open interest, timestamps and 5-level depth (184 bytes; 32 for indices). */
    FULL("full");

    private final String wire;

    TickerMode(String wire) {
        this.wire = wire;
    }

    /** The mode's name in a {@code {"a":"mode"}} message. */
    public String wire() {
        return wire;
    }
}
