package com.quantdesk.kite.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places, modifies and cancels regular orders so that none is ever sent twice.
 *
 * <p>An order write is sent once. When Kite refuses it for certain (an error envelope below 500, a
 * 429, a local rate limit or open circuit) the typed {@link KiteException} is thrown. When its
 * answer is lost (a timeout, a broken connection, a 5xx) the request may or may not have reached
 * the OMS, so after {@link KiteResilience#orderLookupDelay()} the order is looked up: by its tag for
 * a placement, by its history for a cancel or modification. Only that lookup decides.
 *
 * <p>Residual risk, by design of the protocol: a request that reaches the OMS only after the
 * lookup (longer than the delay) is reported as not placed; reconciliation by tag catches it.
 */
final class KiteOrderEntry {

    private static final String VARIETY = "regular";

    private final KiteTransport transport;
    private final KiteSession session;
    private final KiteClient reads;

    KiteOrderEntry(KiteTransport transport, KiteSession session, KiteClient reads) {
        this.transport = transport;
        this.session = session;
        this.reads = reads;
    }

    OrderPlacement place(OrderRequest order) {
        try {
            JsonNode data = transport.call(new KiteRequest("POST", "/orders/" + VARIETY, form(order),
                    EndpointClass.ORDERS), session);
            return new OrderPlacement.Placed(order.tag(), KiteOrder.orderId(data));
        } catch (KiteException e) {
            if (!e.isOutcomeUnknown()) {
                throw e;
            }
            return settle(order.tag(), e);
        }
    }

    /** Decides an uncertain placement by the order book; never sends the order again. */
    private OrderPlacement settle(OrderTag tag, KiteException cause) {
        try {
            transport.pause(transport.orderLookupDelay());
            return reads.findOrderByTag(tag).<OrderPlacement>map(o -> new OrderPlacement.Recovered(tag, o, cause))
                    .orElseGet(() -> new OrderPlacement.NotPlaced(tag, cause));
        } catch (KiteException lookupFailure) {
            return new OrderPlacement.Unknown(tag, cause, lookupFailure);
        }
    }

    KiteOrderId modify(KiteOrderId orderId, ModifyRequest modification) {
        String path = "/orders/" + VARIETY + "/" + orderId.value();
        try {
            return KiteOrder.orderId(transport.call(new KiteRequest("PUT", path, form(modification),
                    EndpointClass.ORDERS), session));
        } catch (KiteException e) {
            // Resending a lost modification would spend one of the order's 25: look first.
            if (e.isOutcomeUnknown() && latest(orderId).filter(modification::isReflectedIn).isPresent()) {
                return orderId;
            }
            throw e;
        }
    }

    KiteOrderId cancel(KiteOrderId orderId) {
        String path = "/orders/" + VARIETY + "/" + orderId.value();
        try {
            return KiteOrder.orderId(transport.call(new KiteRequest("DELETE", path, List.of(), EndpointClass.ORDERS),
                    session));
        } catch (KiteException e) {
            if (e.isOutcomeUnknown() && latest(orderId).filter(KiteOrderEntry::isCancelled).isPresent()) {
                return orderId;
            }
            throw e;
        }
    }

    private Optional<KiteOrder> latest(KiteOrderId orderId) {
        try {
            transport.pause(transport.orderLookupDelay());
            List<KiteOrder> history = reads.orderHistory(orderId);
            return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
        } catch (KiteException lookupFailure) {
            return Optional.empty();
        }
    }

    private static boolean isCancelled(KiteOrder order) {
        return order.status().equals("CANCELLED") || order.status().equals("CANCEL PENDING");
    }

    private List<Map.Entry<String, String>> form(OrderRequest o) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("tradingsymbol", o.instrument().tradingsymbol()));
        form.add(Map.entry("exchange", o.instrument().exchange()));
        form.add(Map.entry("transaction_type", o.side().name()));
        form.add(Map.entry("order_type", o.orderType().wireName()));
        form.add(Map.entry("quantity", Long.toString(o.quantity())));
        form.add(Map.entry("product", o.product().name()));
        form.add(Map.entry("validity", o.validity().name()));
        addPrices(form, o.orderType(), o.price(), o.triggerPrice(), o.marketProtection());
        if (o.disclosedQuantity() > 0) {
            form.add(Map.entry("disclosed_quantity", Long.toString(o.disclosedQuantity())));
        }
        form.add(Map.entry("tag", o.tag().value()));
        transport.config().algoId().ifPresent(id -> form.add(Map.entry("algo_id", id)));
        return form;
    }

    private static List<Map.Entry<String, String>> form(ModifyRequest m) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("order_type", m.orderType().wireName()));
        form.add(Map.entry("quantity", Long.toString(m.quantity())));
        form.add(Map.entry("validity", m.validity().name()));
        addPrices(form, m.orderType(), m.price(), m.triggerPrice(), m.marketProtection());
        return form;
    }

    private static void addPrices(List<Map.Entry<String, String>> form, com.quantdesk.core.domain.OrderType type,
                                  long price, long triggerPrice, int marketProtection) {
        if (type.needsLimitPrice()) {
            form.add(Map.entry("price", com.quantdesk.core.domain.Paise.format(price)));
        }
        if (type.needsTriggerPrice()) {
            form.add(Map.entry("trigger_price", com.quantdesk.core.domain.Paise.format(triggerPrice)));
        }
        if (OrderPrices.takesMarketProtection(type)) {
            form.add(Map.entry("market_protection", Integer.toString(marketProtection)));
        }
    }
}
