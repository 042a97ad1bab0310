package com.quantdesk.kite.rest;

import com.quantdesk.core.domain.OrderType;

/** The price rules an order or a modification must satisfy before it is sent. */
final class OrderPrices {

    private OrderPrices() {
    }

    static void check(OrderType type, long quantity, long price, long triggerPrice, int marketProtection) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (type.needsLimitPrice() != (price > 0) || price < 0) {
            throw new IllegalArgumentException(type.wireName() + (type.needsLimitPrice()
                    ? " needs a positive price" : " takes no price") + ", was " + price);
        }
        if (type.needsTriggerPrice() != (triggerPrice > 0) || triggerPrice < 0) {
            throw new IllegalArgumentException(type.wireName() + (type.needsTriggerPrice()
                    ? " needs a positive trigger price" : " takes no trigger price") + ", was " + triggerPrice);
        }
        if (marketProtection != -1 && (marketProtection < 1 || marketProtection > 100)) {
            throw new IllegalArgumentException("market protection must be -1 or 1..100, was " + marketProtection);
        }
    }

    /** Whether Kite wants {@code market_protection} with this order type. */
    static boolean takesMarketProtection(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.SL_M;
    }
}
