package com.quantdesk.kite.rest;

import java.util.regex.Pattern;

/**
 * An instrument as the quote endpoints name it: {@code EXCHANGE:TRADINGSYMBOL}, e.g.
 * {@code NSE:INFY} or {@code NSE:NIFTY 50}.
 *
 * @param exchange      exchange code, upper case
 * @param tradingsymbol trading symbol
 */
public record InstrumentKey(String exchange, String tradingsymbol) {

    private static final Pattern EXCHANGE = Pattern.compile("[A-Z]{2,6}");

    /** Validates the key. */
    public InstrumentKey {
        if (exchange == null || !EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException("invalid exchange '" + exchange + "'");
        }
        if (tradingsymbol == null || tradingsymbol.isBlank() || tradingsymbol.contains(":")) {
            throw new IllegalArgumentException("invalid trading symbol '" + tradingsymbol + "'");
        }
    }

    /** Parses {@code NSE:INFY}. */
    public static InstrumentKey parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected EXCHANGE:SYMBOL, got '" + text + "'");
        }
        return new InstrumentKey(text.substring(0, colon), text.substring(colon + 1));
    }

    /** An NSE instrument. */
    public static InstrumentKey nse(String tradingsymbol) {
        return new InstrumentKey("NSE", tradingsymbol);
    }

    @Override
    public String toString() {
        return exchange + ":" + tradingsymbol;
    }
}
