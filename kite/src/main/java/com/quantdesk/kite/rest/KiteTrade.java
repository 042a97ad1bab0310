package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.instantOrNull;
import static com.quantdesk.kite.rest.KiteJson.longOrZero;
import static com.quantdesk.kite.rest.KiteJson.longValue;
import static com.quantdesk.kite.rest.KiteJson.paise;
import static com.quantdesk.kite.rest.KiteJson.text;
import static com.quantdesk.kite.rest.KiteJson.textOrEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.core.domain.Side;
import java.time.Instant;

/**
 * A fill ({@code GET /trades}, {@code GET /orders/:id/trades}).
 *
 * @param tradeId           exchange trade id
 * @param orderId           Kite's order id
 * @param exchangeOrderId   the exchange's order id
 * @param exchange          exchange
 * @param tradingsymbol     trading symbol
 * @param instrumentToken   instrument token
 * @param product           product
 * @param side              buy or sell
 * @param averagePrice      fill price in paise
 * @param quantity          filled quantity
 * @param fillTimestamp     when the exchange filled it, or {@code null}
 * @param exchangeTimestamp exchange time, or {@code null}
 */
public record KiteTrade(String tradeId, KiteOrderId orderId, String exchangeOrderId, String exchange, String tradingsymbol,
                        long instrumentToken, String product, Side side, long averagePrice, long quantity,
                        Instant fillTimestamp, Instant exchangeTimestamp) {

    static KiteTrade from(JsonNode n) {
        return new KiteTrade(text(n, "trade_id"), KiteOrder.orderId(n), textOrEmpty(n, "exchange_order_id"),
                text(n, "exchange"), text(n, "tradingsymbol"), longOrZero(n, "instrument_token"),
                textOrEmpty(n, "product"), KiteOrder.side(text(n, "transaction_type")), paise(n, "average_price"),
                longValue(n, "quantity"), instantOrNull(n, "fill_timestamp"),
                instantOrNull(n, "exchange_timestamp"));
    }
}
