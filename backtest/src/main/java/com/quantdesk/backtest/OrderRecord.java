package com.quantdesk.backtest;

import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.order.OrderStatus;
import java.time.Instant;

/**
 * An order as it ended up after the run. Money in paise.
 *
 * @param id             client order id
 * @param symbol         instrument
 * @param side           buy or sell
 * @param type           order type
 * @param product        CNC or MIS
 * @param validity       DAY or IOC
 * @param quantity       quantity asked for
 * @param limitPrice     limit price or 0
 * @param triggerPrice   trigger price or 0
 * @param status         final status
 * @param filledQuantity quantity traded
 * @param averagePrice   average fill price, 0 when nothing traded
 * @param createdAt      when it was placed
 * @param updatedAt      its last change
 * @param reason         denial, rejection or cancellation reason, else empty
 */
public record OrderRecord(long id, Symbol symbol, Side side, OrderType type, Product product, Validity validity,
                          long quantity, long limitPrice, long triggerPrice, OrderStatus status, long filledQuantity,
                          long averagePrice, Instant createdAt, Instant updatedAt, String reason) {
}
