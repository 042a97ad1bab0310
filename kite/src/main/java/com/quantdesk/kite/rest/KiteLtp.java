package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.longValue;
import static com.quantdesk.kite.rest.KiteJson.paise;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A last-traded-price quote ({@code GET /quote/ltp}).
 *
 * @param instrumentToken instrument token
 * @param lastPrice       last traded price in paise
 */
public record KiteLtp(long instrumentToken, long lastPrice) {

    static KiteLtp from(JsonNode n) {
        return new KiteLtp(longValue(n, "instrument_token"), paise(n, "last_price"));
    }
}
