package com.quantdesk.kite.live;

import com.quantdesk.core.order.Order;
import java.time.LocalDate;

/**
 * Prices the charges of one broker fill. Kite's trades carry no charges, so they are computed by the
 * platform's cost model (the composition root supplies it).
 */
@FunctionalInterface
public interface BrokerCharges {

    /**
     * Charges for a fill, paise.
     *
     * @param order     the order filled
     * @param quantity  shares in the fill
     * @param price     fill price, paise
     * @param tradeDate IST trade date
     */
    long charge(Order order, long quantity, long price, LocalDate tradeDate);
}
