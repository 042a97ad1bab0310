package com.quantdesk.app.sandbox;

import com.quantdesk.core.order.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order as Kite shows it: the core order sent to the simulated venue, Kite's status names and
 * the history of its states (each a full order object, as {@code GET /orders/:order_id} returns).
 * Market thread only.
 */
final class KiteOrder {

    final String orderId;
    final Order order;
    final long instrumentToken;
    final String exchange;
    final String variety;
    final String product;
    final String validity;
    final String marketProtection;
    final long disclosedQuantity;
    final Instant placedAt;
    String exchangeOrderId;
    String status;
    String statusMessage;
    long quantity;
    long price;
    long triggerPrice;
    long filledQuantity;
    long filledValue;
    long cancelledQuantity;
    int modifications;
    Instant updatedAt;
    private final List<Map<String, Object>> history = new ArrayList<>();

    KiteOrder(String orderId, Order order, long instrumentToken, String variety, String product, String validity,
              String marketProtection, long disclosedQuantity, Instant placedAt) {
        this.orderId = orderId;
        this.order = order;
        this.instrumentToken = instrumentToken;
        this.exchange = "NSE";
        this.variety = variety;
        this.product = product;
        this.validity = validity;
        this.marketProtection = marketProtection;
        this.disclosedQuantity = disclosedQuantity;
        this.placedAt = placedAt;
        this.updatedAt = placedAt;
        this.quantity = order.request().quantity();
        this.price = order.request().limitPrice();
        this.triggerPrice = order.request().triggerPrice();
    }

    /** Moves to {@code newStatus} at {@code time} and records the state in the history. */
    void moveTo(String newStatus, String message, Instant time) {
        this.status = newStatus;
        this.statusMessage = message;
        this.updatedAt = time;
        history.add(json());
    }

    /** Whether the order can still trade or be changed. */
    boolean isOpen() {
        return status.equals(KiteStatus.OPEN) || status.equals(KiteStatus.TRIGGER_PENDING)
                || status.equals(KiteStatus.OPEN_PENDING) || status.equals(KiteStatus.VALIDATION_PENDING)
                || status.equals(KiteStatus.PUT_ORDER_REQ_RECEIVED);
    }

    /** Its states so far, oldest first. */
    List<Map<String, Object>> history() {
        return List.copyOf(history);
    }

    /** The order object of {@code GET /orders} (A.6). */
    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("account_id", order.account().value());
        o.put("placed_by", order.account().value());
        o.put("order_id", orderId);
        o.put("exchange_order_id", exchangeOrderId);
        o.put("parent_order_id", null);
        o.put("status", status);
        o.put("status_message", statusMessage);
        o.put("status_message_raw", statusMessage);
        o.put("order_timestamp", KiteJson.time(updatedAt));
        o.put("exchange_update_timestamp", exchangeOrderId == null ? null : KiteJson.time(updatedAt));
        o.put("exchange_timestamp", exchangeOrderId == null ? null : KiteJson.time(placedAt));
        o.put("variety", variety);
        o.put("modified", modifications > 0);
        o.put("exchange", exchange);
        o.put("tradingsymbol", order.symbol().value());
        o.put("instrument_token", instrumentToken);
        o.put("order_type", order.type().wireName());
        o.put("transaction_type", order.side().name());
        o.put("validity", validity);
        o.put("validity_ttl", 0);
        o.put("product", product);
        o.put("quantity", quantity);
        o.put("disclosed_quantity", disclosedQuantity);
        o.put("price", KiteJson.rupees(price));
        o.put("trigger_price", KiteJson.rupees(triggerPrice));
        o.put("average_price", KiteJson.rupees(filledQuantity == 0 ? 0 : filledValue / filledQuantity));
        o.put("filled_quantity", filledQuantity);
        o.put("pending_quantity", isOpen() ? quantity - filledQuantity : 0);
        o.put("cancelled_quantity", cancelledQuantity);
        o.put("auction_number", null);
        o.put("market_protection", Integer.parseInt(marketProtection));
        o.put("meta", Map.of());
        String tag = order.request().tag();
        o.put("tag", tag.isEmpty() ? null : tag);
        o.put("tags", tag.isEmpty() ? List.of() : List.of(tag));
        o.put("guid", orderId + "-guid");
        return o;
    }
}
