package com.quantdesk.kite.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One historical candle; prices in paise.
 *
 * @param start  the candle's start time
 * @param open   open
 * @param high   high
 * @param low    low
 * @param close  close
 * @param volume volume
 * @param oi     open interest, 0 unless requested
 */
public record KiteCandle(Instant start, long open, long high, long low, long close, long volume, long oi) {

    static KiteCandle from(JsonNode row) {
        if (!row.isArray() || row.size() < 6 || !row.get(0).isTextual()) {
            throw KiteException.data(200, "malformed candle " + row);
        }
        for (int i = 1; i < row.size(); i++) {
            if (!row.get(i).isNumber()) {
                throw KiteException.data(200, "malformed candle " + row);
            }
        }
        try {
            return new KiteCandle(KiteJson.parseCandleTime(row.get(0).asText()), price(row, 1), price(row, 2),
                    price(row, 3), price(row, 4), row.get(5).decimalValue().longValueExact(),
                    row.size() > 6 ? row.get(6).decimalValue().longValueExact() : 0);
        } catch (ArithmeticException e) {
            throw KiteException.data(200, "malformed candle " + row);
        }
    }

    private static long price(JsonNode row, int index) {
        return KiteJson.paise(row.get(index).decimalValue());
    }
}
