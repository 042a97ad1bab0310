package com.quantdesk.kite.rest;

import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Validity;
import java.util.Objects;

/**
 * A regular-variety order to place. Prices in paise; a price an order type does not use is 0.
 *
 * @param instrument        exchange and trading symbol
 * @param side              buy or sell
 * @param orderType         MARKET, LIMIT, SL or SL-M
 * @param product           CNC, MIS or NRML
 * @param quantity          quantity, positive
 * @param price             limit price (LIMIT, SL), else 0
 * @param triggerPrice      trigger price (SL, SL-M), else 0
 * @param validity          DAY or IOC
 * @param disclosedQuantity disclosed quantity, 0 for none
 * @param tag               our client order id
 * @param marketProtection  for MARKET and SL-M: {@code -1} (automatic, the default) or 1–100 %;
 *                          0 is refused because Zerodha rejects unprotected market orders
 */
public record OrderRequest(InstrumentKey instrument, Side side, OrderType orderType, KiteProduct product,
                           long quantity, long price, long triggerPrice, Validity validity, long disclosedQuantity,
                           OrderTag tag, int marketProtection) {

    /** The default market protection: automatic, per exchange guidelines. */
    public static final int AUTO_MARKET_PROTECTION = -1;

    /** Validates the order. */
    public OrderRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(tag, "tag");
        OrderPrices.check(orderType, quantity, price, triggerPrice, marketProtection);
        if (disclosedQuantity < 0 || disclosedQuantity > quantity) {
            throw new IllegalArgumentException("disclosed quantity must be within 0.." + quantity);
        }
    }

    /** A DAY market order with automatic market protection. */
    public static OrderRequest market(InstrumentKey instrument, Side side, long quantity, KiteProduct product,
                                      OrderTag tag) {
        return new OrderRequest(instrument, side, OrderType.MARKET, product, quantity, 0, 0, Validity.DAY, 0, tag,
                AUTO_MARKET_PROTECTION);
    }

    /** A DAY limit order. */
    public static OrderRequest limit(InstrumentKey instrument, Side side, long quantity, long price,
                                     KiteProduct product, OrderTag tag) {
        return new OrderRequest(instrument, side, OrderType.LIMIT, product, quantity, price, 0, Validity.DAY, 0, tag,
                AUTO_MARKET_PROTECTION);
    }

    /** A DAY stop-limit (SL) order. */
    public static OrderRequest stopLimit(InstrumentKey instrument, Side side, long quantity, long price,
                                         long triggerPrice, KiteProduct product, OrderTag tag) {
        return new OrderRequest(instrument, side, OrderType.SL, product, quantity, price, triggerPrice, Validity.DAY,
                0, tag, AUTO_MARKET_PROTECTION);
    }

    /** A DAY stop-market (SL-M) order with automatic market protection. */
    public static OrderRequest stopMarket(InstrumentKey instrument, Side side, long quantity, long triggerPrice,
                                          KiteProduct product, OrderTag tag) {
        return new OrderRequest(instrument, side, OrderType.SL_M, product, quantity, 0, triggerPrice, Validity.DAY,
                0, tag, AUTO_MARKET_PROTECTION);
    }

    /** A copy with another validity. */
    public OrderRequest withValidity(Validity newValidity) {
        return new OrderRequest(instrument, side, orderType, product, quantity, price, triggerPrice, newValidity,
                disclosedQuantity, tag, marketProtection);
    }

    /** A copy with another market protection. */
    public OrderRequest withMarketProtection(int percent) {
        return new OrderRequest(instrument, side, orderType, product, quantity, price, triggerPrice, validity,
                disclosedQuantity, tag, percent);
    }

    /** A copy with a disclosed quantity. */
    public OrderRequest withDisclosedQuantity(long disclosed) {
        return new OrderRequest(instrument, side, orderType, product, quantity, price, triggerPrice, validity,
                disclosed, tag, marketProtection);
    }
}
