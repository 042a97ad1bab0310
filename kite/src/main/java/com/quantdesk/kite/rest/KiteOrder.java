package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.instantOrNull;
import static com.quantdesk.kite.rest.KiteJson.longOrZero;
import static com.quantdesk.kite.rest.KiteJson.paiseOrZero;
import static com.quantdesk.kite.rest.KiteJson.text;
import static com.quantdesk.kite.rest.KiteJson.textOrEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Side;
import java.time.Instant;

/**
 * An order, or one state of it in its history ({@code GET /orders}, {@code GET /orders/:id};
 * fields of kite-connect.md A.6). Prices in paise; an absent price is 0.
 *
 * @param orderId           Kite's order id
 * @param exchangeOrderId   the exchange's id, empty until the exchange has it
 * @param parentOrderId     parent of a cover-order leg, else empty
 * @param status            e.g. {@code OPEN}, {@code COMPLETE}, {@code REJECTED}, {@code TRIGGER PENDING}
 * @param statusMessage     reason for a rejection or cancellation, else empty
 * @param orderTimestamp    when Kite last changed the order, or {@code null}
 * @param exchangeTimestamp when the exchange last changed it, or {@code null}
 * @param variety           {@code regular}, {@code amo}, ...
 * @param exchange          {@code NSE}, ...
 * @param tradingsymbol     trading symbol
 * @param instrumentToken   instrument token
 * @param orderType         order type
 * @param side              buy or sell
 * @param validity          {@code DAY}, {@code IOC}, {@code TTL}
 * @param product           {@code CNC}, {@code MIS}, {@code NRML}, ...
 * @param quantity          ordered quantity
 * @param disclosedQuantity disclosed quantity
 * @param price             limit price
 * @param triggerPrice      trigger price
 * @param averagePrice      average fill price
 * @param filledQuantity    filled so far
 * @param pendingQuantity   still open
 * @param cancelledQuantity cancelled
 * @param tag               our client order id, empty if none
 */
public record KiteOrder(KiteOrderId orderId, String exchangeOrderId, String parentOrderId, String status,
                        String statusMessage, Instant orderTimestamp, Instant exchangeTimestamp, String variety,
                        String exchange, String tradingsymbol, long instrumentToken, OrderType orderType, Side side,
                        String validity, String product, long quantity, long disclosedQuantity, long price,
                        long triggerPrice, long averagePrice, long filledQuantity, long pendingQuantity,
                        long cancelledQuantity, String tag) {

    /** Whether the order can change no more. */
    public boolean isTerminal() {
        return status.equals("COMPLETE") || status.equals("CANCELLED") || status.equals("REJECTED")
                || status.equals("LAPSED");
    }

    static KiteOrder from(JsonNode n) {
        return new KiteOrder(orderId(n), textOrEmpty(n, "exchange_order_id"),
                textOrEmpty(n, "parent_order_id"), text(n, "status"), textOrEmpty(n, "status_message"),
                instantOrNull(n, "order_timestamp"), instantOrNull(n, "exchange_timestamp"),
                textOrEmpty(n, "variety"), text(n, "exchange"), text(n, "tradingsymbol"),
                longOrZero(n, "instrument_token"), orderType(text(n, "order_type")), side(text(n, "transaction_type")),
                textOrEmpty(n, "validity"), textOrEmpty(n, "product"), longOrZero(n, "quantity"),
                longOrZero(n, "disclosed_quantity"), paiseOrZero(n, "price"), paiseOrZero(n, "trigger_price"),
                paiseOrZero(n, "average_price"), longOrZero(n, "filled_quantity"), longOrZero(n, "pending_quantity"),
                longOrZero(n, "cancelled_quantity"), textOrEmpty(n, "tag"));
    }

    static KiteOrderId orderId(JsonNode n) {
        try {
            return KiteOrderId.of(text(n, "order_id"));
        } catch (IllegalArgumentException e) {
            throw KiteException.data(200, e.getMessage());
        }
    }

    static OrderType orderType(String text) {
        try {
            return OrderType.parse(text);
        } catch (IllegalArgumentException e) {
            throw KiteException.data(200, "unknown order_type '" + text + "'");
        }
    }

    static Side side(String text) {
        try {
            return Side.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw KiteException.data(200, "unknown transaction_type '" + text + "'");
        }
    }
}
