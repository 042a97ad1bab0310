package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One symbol's CNC orders of one trading day, split the way the contract note splits them: shares
 * bought and sold on the same day never reach the demat account, so they are charged as intraday
 * (intraday brokerage, STT on the sell side only, intraday stamp duty, no DP charge); the rest is
 * delivery.
 *
 * <p>A fill first squares off the opposite side's shares of the day not yet squared off, oldest order
 * first; those shares and as many of the fill's own become intraday. Each order is then charged as two
 * executed orders, its intraday part at MIS rates and its delivery part at CNC rates, each rounded
 * once; the DP charge goes with the first sell order that still has a delivery part. Since a later
 * fill can move an earlier order's shares from delivery to intraday, the day's charges are recomputed
 * as a whole and the change is booked with the fill, which can then be a refund.
 *
 * <p>The charges are held in {@link FixedPointCharges} form, long arithmetic that is exact at the
 * rates' scale, so a fill allocates no {@code BigDecimal}; a day whose rates or values do not fit it
 * (far beyond any real order) is held as exact breakdowns from then on, with the same results.
 */
final class CncDay {

    private static final int COMPONENTS = FixedPointCharges.TOTAL_PAISE;

    private final NseCostModel model;
    /** The rates' fixed-point form; null once the day is held as exact breakdowns. */
    private FixedPointCharges fixedPoint;
    private final List<OrderPart> orders = new ArrayList<>();
    private final Map<OrderId, OrderPart> byId = new HashMap<>();
    /** The day's charge components in fixed-point units, while {@link #fixedPoint} is set. */
    private final long[] fixedCharges = new long[COMPONENTS];
    /** The day's charges once held exactly; null before. */
    private ChargeBreakdown exactCharges;
    private long chargedPaise;

    CncDay(NseCostModel model) {
        this(model, false);
    }

    /** A day held as exact breakdowns from the start when {@code exact}, as the reference for tests. */
    CncDay(NseCostModel model, boolean exact) {
        this.model = model;
        this.fixedPoint = exact ? null : model.fixedPoint();
        if (fixedPoint == null) {
            exactCharges = ChargeBreakdown.ZERO;
        }
    }

    /**
     * A change of the day's charges: the paise to book, and either the change of each fixed-point
     * component ({@code fixedDelta}, in the model's {@link FixedPointCharges} units) or the exact
     * breakdowns before and after.
     */
    record Change(long debitPaise, long[] fixedDelta, ChargeBreakdown before, ChargeBreakdown after) {
    }

    /**
     * Adds a fill and says how the day's charges change.
     *
     * @throws IllegalArgumentException if an earlier fill of the order had the other side
     */
    Change add(OrderId id, Symbol symbol, Side side, long quantity, long price) {
        OrderPart order = byId.get(id);
        if (order == null) {
            order = new OrderPart(id, side);
            orders.add(order);
            byId.put(id, order);
        } else if (order.side != side) {
            throw new IllegalArgumentException("fill " + symbol + " " + side + " CNC does not match order " + id
                    + " (" + order.side + ")");
        }
        long squaredOff = 0;
        for (OrderPart other : orders) {
            if (other.side != side && squaredOff < quantity) {
                long k = Math.min(quantity - squaredOff, other.deliveryQuantity());
                if (k > 0) {
                    other.moveToIntraday(k);
                    squaredOff += k;
                }
            }
        }
        order.quantity = Math.addExact(order.quantity, quantity);
        order.value = Math.addExact(order.value, Math.multiplyExact(quantity, price));
        order.intradayQuantity = Math.addExact(order.intradayQuantity, squaredOff);
        order.intradayValue = Math.addExact(order.intradayValue, Math.multiplyExact(squaredOff, price));

        long beforePaise = chargedPaise;
        if (fixedPoint != null) {
            long[] before = fixedCharges.clone();
            if (recomputeFixed()) {
                long[] delta = new long[COMPONENTS];
                for (int i = 0; i < COMPONENTS; i++) {
                    delta[i] = fixedCharges[i] - before[i];
                }
                return new Change(Math.subtractExact(chargedPaise, beforePaise), delta, null, null);
            }
            // A value too large for long arithmetic: the day is held exactly from here on.
            exactCharges = fixedPoint.toBreakdown(before);
            for (OrderPart o : orders) {
                o.exact = fixedPoint.toBreakdown(o.fixed);
            }
            fixedPoint = null;
        }
        ChargeBreakdown before = exactCharges;
        recomputeExact();
        return new Change(Math.subtractExact(chargedPaise, beforePaise), null, before, exactCharges);
    }

    /** What the order is charged as things stand, or null when the day has no such order. */
    ChargeBreakdown breakdown(OrderId id) {
        OrderPart order = byId.get(id);
        if (order == null) {
            return null;
        }
        return fixedPoint != null ? fixedPoint.toBreakdown(order.fixed) : order.exact;
    }

    /**
     * Brings every order's charges up to date in fixed-point form. An order is re-priced only when
     * what its charges depend on changed (its intraday value, its delivery value, whether it carries
     * the DP charge), and the day's totals move by the difference, so a fill costs the orders it
     * touched rather than the day. False, with nothing changed, when a value does not fit long
     * arithmetic.
     */
    private boolean recomputeFixed() {
        int n = orders.size();
        long[][] priced = new long[n][];
        long[] pricedPaise = new long[n];
        long[] deliveryValues = new long[n];
        boolean[] dps = new boolean[n];
        long[] day = fixedCharges.clone();
        long charged = chargedPaise;
        boolean dpCharged = false;
        try {
            for (int k = 0; k < n; k++) {
                OrderPart order = orders.get(k);
                long deliveryValue = order.value - order.intradayValue;
                boolean dp = deliveryValue > 0 && order.side == Side.SELL && !dpCharged;
                dpCharged |= dp;
                deliveryValues[k] = deliveryValue;
                dps[k] = dp;
                if (order.isPricedAt(deliveryValue, dp)) {
                    continue;
                }
                long[] b = new long[COMPONENTS];
                long p = 0;
                if (order.intradayValue > 0) {
                    long[] intraday = model.fixedPointForOrder(order.side, Product.MIS, order.intradayValue, false);
                    if (intraday == null) {
                        return false;
                    }
                    addInto(b, intraday, 1);
                    p = intraday[FixedPointCharges.TOTAL_PAISE];
                }
                if (deliveryValue > 0) {
                    long[] delivery = model.fixedPointForOrder(order.side, Product.CNC, deliveryValue, dp);
                    if (delivery == null) {
                        return false;
                    }
                    addInto(b, delivery, 1);
                    p = Math.addExact(p, delivery[FixedPointCharges.TOTAL_PAISE]);
                }
                addInto(day, order.fixed, -1);
                addInto(day, b, 1);
                charged = Math.addExact(Math.subtractExact(charged, order.paise), p);
                priced[k] = b;
                pricedPaise[k] = p;
            }
        } catch (ArithmeticException overflow) {
            return false;
        }
        // Nothing above changed the day: now it all changes at once.
        System.arraycopy(day, 0, fixedCharges, 0, COMPONENTS);
        chargedPaise = charged;
        for (int k = 0; k < n; k++) {
            if (priced[k] != null) {
                OrderPart order = orders.get(k);
                order.fixed = priced[k];
                order.pricedAt(deliveryValues[k], dps[k], pricedPaise[k]);
            }
        }
        return true;
    }

    /** Adds {@code sign} times the seven components of {@code charges} to {@code into}; throws on overflow. */
    private static void addInto(long[] into, long[] charges, int sign) {
        for (int i = 0; i < COMPONENTS; i++) {
            into[i] = Math.addExact(into[i], Math.multiplyExact(sign, charges[i]));
        }
    }

    /** {@link #recomputeFixed} with exact breakdowns. */
    private void recomputeExact() {
        boolean dpCharged = false;
        for (OrderPart order : orders) {
            long deliveryValue = order.value - order.intradayValue;
            boolean dp = deliveryValue > 0 && order.side == Side.SELL && !dpCharged;
            dpCharged |= dp;
            if (order.isPricedAt(deliveryValue, dp)) {
                continue;
            }
            ChargeBreakdown b = ChargeBreakdown.ZERO;
            long p = 0;
            if (order.intradayValue > 0) {
                ChargeBreakdown intraday = model.forOrder(order.side, Product.MIS, order.intradayValue, false);
                b = b.plus(intraday);
                p = Math.addExact(p, intraday.totalPaise());
            }
            if (deliveryValue > 0) {
                ChargeBreakdown delivery = model.forOrder(order.side, Product.CNC, deliveryValue, dp);
                b = b.plus(delivery);
                p = Math.addExact(p, delivery.totalPaise());
            }
            exactCharges = exactCharges.minus(order.exact).plus(b);
            chargedPaise = Math.addExact(Math.subtractExact(chargedPaise, order.paise), p);
            order.exact = b;
            order.pricedAt(deliveryValue, dp, p);
        }
    }

    /** One order's filled shares and value, and how much of them is intraday. */
    private static final class OrderPart {
        final OrderId id;
        final Side side;
        long quantity;
        long value;
        long intradayQuantity;
        long intradayValue;
        /** Its charges: fixed-point components while the day is held so, else {@link #exact}. */
        long[] fixed = new long[COMPONENTS];
        ChargeBreakdown exact = ChargeBreakdown.ZERO;
        /** Whole paise of its charges, each part rounded once. */
        long paise;
        /** The inputs its charges were priced from. */
        long pricedIntradayValue;
        long pricedDeliveryValue;
        boolean pricedDp;

        OrderPart(OrderId id, Side side) {
            this.id = id;
            this.side = side;
        }

        long deliveryQuantity() {
            return quantity - intradayQuantity;
        }

        boolean isPricedAt(long deliveryValue, boolean dp) {
            return pricedIntradayValue == intradayValue && pricedDeliveryValue == deliveryValue && pricedDp == dp;
        }

        void pricedAt(long deliveryValue, boolean dp, long newPaise) {
            paise = newPaise;
            pricedIntradayValue = intradayValue;
            pricedDeliveryValue = deliveryValue;
            pricedDp = dp;
        }

        /** Moves {@code k} delivery shares to intraday at the delivery part's average price. */
        void moveToIntraday(long k) {
            long deliveryValue = value - intradayValue;
            long moved = k == deliveryQuantity() ? deliveryValue : Paise.scale(deliveryValue, k, deliveryQuantity());
            intradayQuantity += k;
            intradayValue += moved;
        }
    }
}
