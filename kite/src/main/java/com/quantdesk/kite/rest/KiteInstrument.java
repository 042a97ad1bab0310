package com.quantdesk.kite.rest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of Kite's instrument dump (kite-connect.md A.8); prices in paise.
 *
 * @param instrumentToken token for the ticker and historical data
 * @param exchangeToken   the exchange's token
 * @param tradingsymbol   trading symbol
 * @param name            company or underlying name, may be empty
 * @param lastPrice       last price when the dump was generated (not live)
 * @param expiry          expiry of a derivative, or {@code null}
 * @param strike          strike of an option, else 0
 * @param tickSize        price step in paise (positive)
 * @param lotSize         quantity step (1 for equities)
 * @param instrumentType  {@code EQ}, {@code FUT}, {@code CE}, {@code PE}, ...
 * @param segment         e.g. {@code NSE}, {@code NFO-OPT}, {@code INDICES}
 * @param exchange        e.g. {@code NSE}
 */
public record KiteInstrument(long instrumentToken, long exchangeToken, String tradingsymbol, String name,
                             long lastPrice, LocalDate expiry, long strike, long tickSize, long lotSize,
                             String instrumentType, String segment, String exchange) {

    /** Validates the row. */
    public KiteInstrument {
        Objects.requireNonNull(tradingsymbol, "tradingsymbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instrumentType, "instrumentType");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(exchange, "exchange");
        if (tradingsymbol.isBlank()) {
            throw new IllegalArgumentException("tradingsymbol is blank");
        }
        // Index rows carry a zero tick and lot: they are not tradable, but quotes and candles exist.
        if (tickSize < 0 || lotSize < 0) {
            throw new IllegalArgumentException("tick size and lot size must not be negative");
        }
    }
}
