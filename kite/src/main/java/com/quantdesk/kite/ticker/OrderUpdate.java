package com.quantdesk.kite.ticker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order update pushed on the ticker (the postback shape, docs/kite-connect.md §A.6 and §B.5).
 *
 * <p>This is a broker payload at the edge, so prices stay as the exact decimals Kite sent, in rupees;
 * whoever turns the update into engine events converts them to paise with the instrument's tick size.
 * Timestamps are Kite's IST wall-clock strings ({@code yyyy-MM-dd HH:mm:ss}) read as Asia/Kolkata.
 * Text fields absent from the payload are empty strings; absent numbers are zero.
 *
 * @param orderId           Kite's order id
 * @param exchangeOrderId   the exchange's order id ("" before the exchange has it)
 * @param parentOrderId     parent order id ("" if none)
 * @param status            status, e.g. {@code OPEN}, {@code COMPLETE}, {@code UPDATE}
 * @param statusMessage     reason text of a rejection or cancellation ("" if none)
 * @param tag               our client order id, sent in {@code tag} when the order was placed
 * @param exchange          exchange, e.g. {@code NSE}
 * @param tradingSymbol     trading symbol
 * @param instrumentToken   instrument token
 * @param transactionType   {@code BUY} or {@code SELL}
 * @param orderType         {@code MARKET}, {@code LIMIT}, {@code SL}, {@code SL-M}
 * @param product           {@code CNC}, {@code MIS}, {@code NRML}
 * @param variety           e.g. {@code regular}
 * @param validity          {@code DAY} or {@code IOC}
 * @param quantity          ordered quantity
 * @param filledQuantity    filled so far
 * @param pendingQuantity   still open
 * @param cancelledQuantity cancelled
 * @param price             limit price in rupees (0 for market orders)
 * @param triggerPrice      trigger price in rupees (0 if none)
 * @param averagePrice      average fill price in rupees (0 before a fill)
 * @param orderTimestamp    when Kite received the order or its latest change, if sent
 * @param exchangeTimestamp when the exchange acknowledged it, if sent
 */
public record OrderUpdate(String orderId, String exchangeOrderId, String parentOrderId, String status,
                          String statusMessage, String tag, String exchange, String tradingSymbol,
                          long instrumentToken, String transactionType, String orderType, String product,
                          String variety, String validity, long quantity, long filledQuantity,
                          long pendingQuantity, long cancelledQuantity, BigDecimal price,
                          BigDecimal triggerPrice, BigDecimal averagePrice, Optional<Instant> orderTimestamp,
                          Optional<Instant> exchangeTimestamp) {

    /** Validates the fields; an order id is required. */
    public OrderUpdate {
        Objects.requireNonNull(orderId, "orderId");
        if (orderId.isEmpty()) {
            throw new IllegalArgumentException("order update without order_id");
        }
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(triggerPrice, "triggerPrice");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(orderTimestamp, "orderTimestamp");
        Objects.requireNonNull(exchangeTimestamp, "exchangeTimestamp");
    }
}
