package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.longOrZero;
import static com.quantdesk.kite.rest.KiteJson.paiseOrZero;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One level of market depth.
 *
 * @param price    price in paise
 * @param quantity quantity at the price
 * @param orders   number of orders at the price
 */
public record KiteDepthLevel(long price, long quantity, long orders) {

    static KiteDepthLevel from(JsonNode n) {
        return new KiteDepthLevel(paiseOrZero(n, "price"), longOrZero(n, "quantity"), longOrZero(n, "orders"));
    }
}
