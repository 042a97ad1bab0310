package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.longValue;
import static com.quantdesk.kite.rest.KiteJson.paise;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OHLC quote ({@code GET /quote/ohlc}).
 *
 * @param instrumentToken instrument token
 * @param lastPrice       last traded price in paise
 * @param ohlc            day OHLC
 */
public record KiteOhlcQuote(long instrumentToken, long lastPrice, KiteOhlc ohlc) {

    static KiteOhlcQuote from(JsonNode n) {
        return new KiteOhlcQuote(longValue(n, "instrument_token"), paise(n, "last_price"),
                KiteOhlc.from(n.path("ohlc")));
    }
}
