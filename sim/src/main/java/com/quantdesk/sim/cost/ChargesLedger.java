package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Books charges fill by fill for one account at one venue, so that the partial fills of an order
 * are charged as the one executed order the broker bills.
 *
 * <p>Each fill is debited the order's rounded charges on its cumulative filled value minus what
 * the order has already paid; an order's debits therefore add up exactly to its rounded total,
 * and the brokerage cap applies to the whole order. STT is rounded to the rupee per order here,
 * whereas a contract note rounds it per side and product over the whole day
 * ({@link NseCostModel#charges}); the two may differ by STT rounding.
 *
 * <p>The DP charge is booked once per symbol and trade date, on the first delivery sell fill.
 * Trade dates must not go backwards, because only the latest day's DP bookings are remembered.
 *
 * <p>Not thread-safe: one ledger belongs to one engine thread.
 */
public final class ChargesLedger {

    private final NseCostModel model;
    private final Map<OrderId, OrderCharges> orders = new HashMap<>();
    private final Set<Symbol> dpChargedToday = new HashSet<>();
    private LocalDate today;
    private ChargeBreakdown total = ChargeBreakdown.ZERO;
    private long bookedPaise;

    /** An empty ledger charging with {@code model}. */
    public ChargesLedger(NseCostModel model) {
        this.model = Objects.requireNonNull(model, "model must not be null");
    }

    /**
     * Books the charges of one fill.
     *
     * @param fillValuePaise price times quantity of this fill, in paise
     * @return the paise to debit for this fill, never negative
     * @throws IllegalArgumentException if the value is not positive, the trade date is before an
     *                                  earlier fill's, or the fill's symbol, side, product or
     *                                  trade date differ from the order's earlier fills
     */
    public long chargeForFill(OrderId orderId, Symbol symbol, Side side, Product product,
                              long fillValuePaise, LocalDate tradeDate) {
        Objects.requireNonNull(orderId, "orderId must not be null");
        Objects.requireNonNull(tradeDate, "tradeDate must not be null");
        if (fillValuePaise <= 0) {
            throw new IllegalArgumentException("fillValuePaise must be positive, was " + fillValuePaise);
        }
        if (today != null && tradeDate.isBefore(today)) {
            throw new IllegalArgumentException("trade date " + tradeDate + " is before " + today
                    + ", whose fills have already been booked");
        }
        boolean newDay = !tradeDate.equals(today);
        OrderCharges before = orders.get(orderId);
        if (before == null) {
            before = OrderCharges.first(orderId, symbol, side, product, tradeDate,
                    paysDpCharge(symbol, side, product, newDay));
        } else {
            before.requireSameOrder(symbol, side, product, tradeDate);
        }
        long cumulative = Math.addExact(before.cumulativeValuePaise(), fillValuePaise);
        ChargeBreakdown breakdown = model.forOrder(side, product, cumulative, before.paysDpCharge());
        long debit = Math.subtractExact(breakdown.totalPaise(), before.bookedPaise());
        ChargeBreakdown newTotal = total.plus(breakdown).minus(before.breakdown());
        long newBooked = Math.addExact(bookedPaise, debit);

        // Nothing above changed the ledger, so a rejected fill leaves it as it was.
        if (newDay) {
            today = tradeDate;
            dpChargedToday.clear();
        }
        if (before.paysDpCharge()) {
            dpChargedToday.add(symbol);
        }
        orders.put(orderId, before.after(cumulative, breakdown, breakdown.totalPaise()));
        total = newTotal;
        bookedPaise = newBooked;
        return debit;
    }

    /** Everything booked so far for a live order; {@link ChargeBreakdown#ZERO} if none or forgotten. */
    public ChargeBreakdown breakdownForOrder(OrderId orderId) {
        OrderCharges order = orders.get(orderId);
        return order == null ? ChargeBreakdown.ZERO : order.breakdown();
    }

    /**
     * Drops a finished order to keep memory bounded. Its charges stay in {@link #total()}; a later
     * fill for the same id would be charged as a new executed order.
     */
    public void forget(OrderId orderId) {
        orders.remove(orderId);
    }

    /** The exact charges of every fill booked, forgotten orders included. */
    public ChargeBreakdown total() {
        return total;
    }

    /**
     * The paise debited over all fills. Each order is rounded on its own, so this can differ from
     * {@code total().totalPaise()} by about half a paisa per order.
     */
    public long bookedPaise() {
        return bookedPaise;
    }

    // The depository charges per symbol per day on which holdings leave the account, however
    // many sell orders carry them out, so only the first delivery sell order of the day pays it.
    private boolean paysDpCharge(Symbol symbol, Side side, Product product, boolean newDay) {
        return side == Side.SELL && product == Product.CNC && (newDay || !dpChargedToday.contains(symbol));
    }

    /** What one order has filled and paid so far. */
    private record OrderCharges(
            OrderId orderId,
            Symbol symbol,
            Side side,
            Product product,
            LocalDate tradeDate,
            boolean paysDpCharge,
            long cumulativeValuePaise,
            ChargeBreakdown breakdown,
            long bookedPaise) {

        static OrderCharges first(OrderId orderId, Symbol symbol, Side side, Product product,
                                  LocalDate tradeDate, boolean paysDpCharge) {
            Objects.requireNonNull(symbol, "symbol must not be null");
            Objects.requireNonNull(side, "side must not be null");
            Objects.requireNonNull(product, "product must not be null");
            return new OrderCharges(orderId, symbol, side, product, tradeDate, paysDpCharge,
                    0, ChargeBreakdown.ZERO, 0);
        }

        void requireSameOrder(Symbol fillSymbol, Side fillSide, Product fillProduct, LocalDate fillDate) {
            if (!symbol.equals(fillSymbol) || side != fillSide || product != fillProduct
                    || !tradeDate.equals(fillDate)) {
                throw new IllegalArgumentException("fill " + fillSymbol + " " + fillSide + " " + fillProduct
                        + " on " + fillDate + " does not match order " + orderId + " (" + symbol + " " + side
                        + " " + product + " on " + tradeDate + ")");
            }
        }

        OrderCharges after(long cumulative, ChargeBreakdown newBreakdown, long newBookedPaise) {
            return new OrderCharges(orderId, symbol, side, product, tradeDate, paysDpCharge,
                    cumulative, newBreakdown, newBookedPaise);
        }
    }
}
