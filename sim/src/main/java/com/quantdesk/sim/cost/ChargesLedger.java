package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import java.time.LocalDate;
import java.util.Arrays;
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
 * <p>Given quantities, CNC fills are netted per symbol and day as the contract note nets them: shares
 * bought and sold on the same day are charged as intraday ({@link CncDay}); such a fill's debit is the
 * change of the day's CNC charges for the symbol and may be a refund.
 *
 * <p>Not thread-safe: one ledger belongs to one engine thread.
 */
public final class ChargesLedger {

    private static final long[] NO_CHARGES = new long[FixedPointCharges.TOTAL_PAISE + 1];

    private final NseCostModel model;
    /** The model's fixed-point form, or null when its rates do not fit one. */
    private final FixedPointCharges fixedPoint;
    private final Map<OrderId, OrderCharges> orders = new HashMap<>();
    private final Set<Symbol> dpChargedToday = new HashSet<>();
    private final Map<Symbol, CncDay> cncToday = new HashMap<>();
    private LocalDate today;
    // The exact total is settled plus pending. Fills on the fixed-point path add their change to
    // pending, in long arithmetic; it is folded into the BigDecimal total only when asked for or
    // when a fill takes the BigDecimal path, so a fill allocates no BigDecimal.
    private ChargeBreakdown settledTotal = ChargeBreakdown.ZERO;
    private final long[] pendingTotal = new long[FixedPointCharges.TOTAL_PAISE];
    private final long[] nextPendingTotal = new long[FixedPointCharges.TOTAL_PAISE];
    private long bookedPaise;

    /** An empty ledger charging with {@code model}. */
    public ChargesLedger(NseCostModel model) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.fixedPoint = model.fixedPoint();
    }

    /**
     * Books the charges of one fill by its product alone, without netting same-day CNC buys and
     * sells (that needs quantities: see the other overload, which the venues use). Do not mix the two
     * overloads for CNC fills of one day.
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
                    paysDpCharge(symbol, side, product, newDay), fixedPoint != null);
        } else {
            before.requireSameOrder(symbol, side, product, tradeDate);
        }
        long cumulative = Math.addExact(before.cumulativeValuePaise(), fillValuePaise);
        long[] fixed = model.fixedPointForOrder(side, product, cumulative, before.paysDpCharge());
        ChargeBreakdown breakdown = fixed != null ? null
                : model.exactForOrder(side, product, cumulative, before.paysDpCharge());
        long orderTotalPaise = fixed != null ? fixed[FixedPointCharges.TOTAL_PAISE] : breakdown.totalPaise();
        long debit = Math.subtractExact(orderTotalPaise, before.bookedPaise());
        long newBooked = Math.addExact(bookedPaise, debit);
        boolean pending = fixed != null && before.fixed() != null && addToPending(fixed, before.fixed());
        ChargeBreakdown newSettled = settledTotal;
        if (!pending) {
            foldPending();
            newSettled = settledTotal.plus(breakdown != null ? breakdown : fixedPoint.toBreakdown(fixed))
                    .minus(before.breakdown(fixedPoint));
        }

        // Nothing above changed what the ledger holds, so a rejected fill leaves it as it was.
        if (newDay) {
            today = tradeDate;
            dpChargedToday.clear();
            cncToday.clear();
        }
        if (before.paysDpCharge()) {
            dpChargedToday.add(symbol);
        }
        orders.put(orderId, before.after(cumulative, fixed, breakdown, orderTotalPaise));
        if (pending) {
            System.arraycopy(nextPendingTotal, 0, pendingTotal, 0, pendingTotal.length);
        } else {
            settledTotal = newSettled;
        }
        bookedPaise = newBooked;
        return debit;
    }

    /**
     * Books the charges of one fill, netting CNC buys and sells of the same symbol and day as the
     * contract note does: shares bought and sold the same day are charged as intraday (see
     * {@link CncDay}); MIS fills are booked as by the value-only overload.
     *
     * @param quantity shares in the fill, positive
     * @param price    fill price, paise, positive
     * @return the paise to debit for this fill; negative (a refund) when a CNC fill turns shares an
     *         earlier order paid delivery charges on into intraday ones that cost less
     * @throws IllegalArgumentException as the value-only overload, or if a CNC order changes side
     */
    public long chargeForFill(OrderId orderId, Symbol symbol, Side side, Product product, long quantity, long price,
                              LocalDate tradeDate) {
        if (product != Product.CNC) {
            return chargeForFill(orderId, symbol, side, product, Math.multiplyExact(quantity, price), tradeDate);
        }
        Objects.requireNonNull(orderId, "orderId must not be null");
        Objects.requireNonNull(symbol, "symbol must not be null");
        Objects.requireNonNull(side, "side must not be null");
        Objects.requireNonNull(tradeDate, "tradeDate must not be null");
        if (quantity <= 0 || price <= 0) {
            throw new IllegalArgumentException("quantity and price must be positive, were " + quantity + " and " + price);
        }
        if (today != null && tradeDate.isBefore(today)) {
            throw new IllegalArgumentException("trade date " + tradeDate + " is before " + today
                    + ", whose fills have already been booked");
        }
        if (!tradeDate.equals(today)) {
            today = tradeDate;
            dpChargedToday.clear();
            cncToday.clear();
        }
        CncDay day = cncToday.get(symbol);
        if (day == null) {
            day = new CncDay(model);
            cncToday.put(symbol, day);
        }
        CncDay.Change change = day.add(orderId, symbol, side, quantity, price);
        if (change.fixedDelta() == null) {
            foldPending();
            settledTotal = settledTotal.plus(change.after()).minus(change.before());
        } else if (addToPending(change.fixedDelta(), NO_CHARGES)) {
            System.arraycopy(nextPendingTotal, 0, pendingTotal, 0, pendingTotal.length);
        } else {
            foldPending();
            settledTotal = settledTotal.plus(nonNegativePart(change.fixedDelta(), 1))
                    .minus(nonNegativePart(change.fixedDelta(), -1));
        }
        bookedPaise = Math.addExact(bookedPaise, change.debitPaise());
        return change.debitPaise();
    }

    /** Puts pending plus {@code now} minus {@code before} in nextPendingTotal; false on overflow. */
    private boolean addToPending(long[] now, long[] before) {
        try {
            for (int i = 0; i < pendingTotal.length; i++) {
                nextPendingTotal[i] = Math.addExact(pendingTotal[i], Math.subtractExact(now[i], before[i]));
            }
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** The components of {@code sign} times {@code delta} that are positive, the others zero, exactly. */
    private ChargeBreakdown nonNegativePart(long[] delta, int sign) {
        long[] part = new long[FixedPointCharges.TOTAL_PAISE];
        for (int i = 0; i < part.length; i++) {
            part[i] = Math.max(0, sign * delta[i]);
        }
        return fixedPoint.toBreakdown(part);
    }

    /** Moves the pending fixed-point total into the BigDecimal one; the exact total is unchanged. */
    private void foldPending() {
        for (long component : pendingTotal) {
            if (component != 0) {
                settledTotal = settledTotal.plus(fixedPoint.toBreakdown(pendingTotal));
                Arrays.fill(pendingTotal, 0);
                return;
            }
        }
    }

    /** Everything booked so far for a live order; {@link ChargeBreakdown#ZERO} if none or forgotten. */
    public ChargeBreakdown breakdownForOrder(OrderId orderId) {
        for (CncDay day : cncToday.values()) {
            ChargeBreakdown cnc = day.breakdown(orderId);
            if (cnc != null) {
                return cnc;
            }
        }
        OrderCharges order = orders.get(orderId);
        return order == null ? ChargeBreakdown.ZERO : order.breakdown(fixedPoint);
    }

    /**
     * Drops a finished order to keep memory bounded. Its charges stay in {@link #total()}; a later
     * fill for the same id would be charged as a new executed order.
     */
    public void forget(OrderId orderId) {
        orders.remove(orderId);
    }

    /**
     * Forgets the order an event finishes (its last fill, its cancellation or its rejection); an
     * engine listener, so a long run's memory stays bounded.
     */
    public void forgetFinished(Event event) {
        switch (event) {
            case OrderFilled f when f.remaining() == 0 -> forget(f.orderId());
            case OrderCancelled c -> forget(c.orderId());
            case OrderRejected r -> forget(r.orderId());
            default -> { }
        }
    }

    /** The exact charges of every fill booked, forgotten orders included. */
    public ChargeBreakdown total() {
        foldPending();
        return settledTotal;
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

    /**
     * What one order has filled and paid so far. Its charges are held as {@code fixed}
     * ({@link FixedPointCharges} components) or, when that path overflowed, as {@code exact}.
     */
    private record OrderCharges(
            OrderId orderId,
            Symbol symbol,
            Side side,
            Product product,
            LocalDate tradeDate,
            boolean paysDpCharge,
            long cumulativeValuePaise,
            long[] fixed,
            ChargeBreakdown exact,
            long bookedPaise) {

        static OrderCharges first(OrderId orderId, Symbol symbol, Side side, Product product,
                                  LocalDate tradeDate, boolean paysDpCharge, boolean fixedPoint) {
            Objects.requireNonNull(symbol, "symbol must not be null");
            Objects.requireNonNull(side, "side must not be null");
            Objects.requireNonNull(product, "product must not be null");
            return new OrderCharges(orderId, symbol, side, product, tradeDate, paysDpCharge,
                    0, fixedPoint ? NO_CHARGES : null, fixedPoint ? null : ChargeBreakdown.ZERO, 0);
        }

        ChargeBreakdown breakdown(FixedPointCharges fixedPoint) {
            return exact != null ? exact : fixedPoint.toBreakdown(fixed);
        }

        void requireSameOrder(Symbol fillSymbol, Side fillSide, Product fillProduct, LocalDate fillDate) {
            if (!symbol.equals(fillSymbol) || side != fillSide || product != fillProduct
                    || !tradeDate.equals(fillDate)) {
                throw new IllegalArgumentException("fill " + fillSymbol + " " + fillSide + " " + fillProduct
                        + " on " + fillDate + " does not match order " + orderId + " (" + symbol + " " + side
                        + " " + product + " on " + tradeDate + ")");
            }
        }

        OrderCharges after(long cumulative, long[] newFixed, ChargeBreakdown newExact, long newBookedPaise) {
            return new OrderCharges(orderId, symbol, side, product, tradeDate, paysDpCharge,
                    cumulative, newFixed, newExact, newBookedPaise);
        }
    }
}
