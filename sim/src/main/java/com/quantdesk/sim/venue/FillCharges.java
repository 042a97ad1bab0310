package com.quantdesk.sim.venue;

import com.quantdesk.core.order.Order;
import java.time.LocalDate;

/** Prices the charges of one simulated fill. */
@FunctionalInterface
public interface FillCharges {

    /** No charges at all (commission-free reference runs). */
    FillCharges NONE = (order, quantity, price, tradeDate) -> 0;

    /**
     * Charges for a fill, paise.
     *
     * @param order     the order (its id, symbol, side and product; quantities are as submitted)
     * @param quantity  shares in the fill
     * @param price     fill price, paise
     * @param tradeDate IST trade date
     */
    long charge(Order order, long quantity, long price, LocalDate tradeDate);
}
