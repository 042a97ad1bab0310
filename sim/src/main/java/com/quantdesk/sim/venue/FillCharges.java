package com.quantdesk.sim.venue;

import com.quantdesk.core.order.Order;
import com.quantdesk.sim.cost.AccountLedgers;
import com.quantdesk.sim.cost.ChargesLedger;
import java.time.LocalDate;

/** Prices the charges of one simulated fill. */
@FunctionalInterface
public interface FillCharges {

    /** No charges at all (commission-free reference runs). */
    FillCharges NONE = (order, quantity, price, tradeDate) -> 0;

    /**
     * Charges for a fill, paise; negative for a refund (a CNC fill that squares off shares bought or sold
     * earlier the same day turns their delivery charges into cheaper intraday ones).
     *
     * @param order     the order (its id, symbol, side and product; quantities are as submitted)
     * @param quantity  shares in the fill
     * @param price     fill price, paise
     * @param tradeDate IST trade date
     */
    long charge(Order order, long quantity, long price, LocalDate tradeDate);

    /**
     * NSE charges booked per order in {@code ledger} (statutory charges are rounded per order), for a
     * venue that serves one account (a backtest's).
     */
    static FillCharges of(ChargesLedger ledger) {
        return (order, quantity, price, tradeDate) -> ledger.chargeForFill(order.id(), order.symbol(), order.side(),
                order.product(), quantity, price, tradeDate);
    }

    /** NSE charges booked in each order's own account's ledger. */
    static FillCharges of(AccountLedgers ledgers) {
        return (order, quantity, price, tradeDate) -> ledgers.of(order.account()).chargeForFill(order.id(),
                order.symbol(), order.side(), order.product(), quantity, price, tradeDate);
    }
}
