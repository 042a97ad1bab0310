package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.paiseOrZero;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A quote's day OHLC in paise; {@code close} is the previous session's close.
 *
 * @param open  open
 * @param high  high
 * @param low   low
 * @param close previous close
 */
public record KiteOhlc(long open, long high, long low, long close) {

    static KiteOhlc from(JsonNode n) {
        return new KiteOhlc(paiseOrZero(n, "open"), paiseOrZero(n, "high"), paiseOrZero(n, "low"),
                paiseOrZero(n, "close"));
    }
}
