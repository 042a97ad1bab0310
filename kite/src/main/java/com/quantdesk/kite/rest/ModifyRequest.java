package com.quantdesk.kite.rest;

import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Validity;
import java.util.Objects;

/**
 * New terms for an open regular order ({@code PUT /orders/regular/:order_id}); prices in paise, a
 * price the order type does not use is 0. Kite allows 25 modifications per order.
 *
 * @param orderType        order type
 * @param quantity         total quantity
 * @param price            limit price (LIMIT, SL), else 0
 * @param triggerPrice     trigger price (SL, SL-M), else 0
 * @param validity         DAY or IOC
 * @param marketProtection for MARKET and SL-M: -1 or 1–100 %
 */
public record ModifyRequest(OrderType orderType, long quantity, long price, long triggerPrice, Validity validity,
                            int marketProtection) {

    /** Validates the modification. */
    public ModifyRequest {
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(validity, "validity");
        OrderPrices.check(orderType, quantity, price, triggerPrice, marketProtection);
    }

    /** A new limit price and quantity for a DAY limit order. */
    public static ModifyRequest limit(long quantity, long price) {
        return new ModifyRequest(OrderType.LIMIT, quantity, price, 0, Validity.DAY,
                OrderRequest.AUTO_MARKET_PROTECTION);
    }

    /** Whether {@code order} already has these terms (used after an uncertain modification). */
    boolean isReflectedIn(KiteOrder order) {
        return order.orderType() == orderType && order.quantity() == quantity && order.price() == price
                && order.triggerPrice() == triggerPrice && order.validity().equals(validity.name());
    }
}
