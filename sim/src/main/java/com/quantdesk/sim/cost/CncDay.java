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
 */
final class CncDay {

    private final NseCostModel model;
    private final List<OrderPart> orders = new ArrayList<>();
    private final Map<OrderId, OrderPart> byId = new HashMap<>();
    private ChargeBreakdown charges = ChargeBreakdown.ZERO;
    private long chargedPaise;

    CncDay(NseCostModel model) {
        this.model = model;
    }

    /** A change of the day's charges: the paise to book and the exact breakdowns before and after. */
    record Change(long debitPaise, ChargeBreakdown before, ChargeBreakdown after) {
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

        ChargeBreakdown before = charges;
        long beforePaise = chargedPaise;
        recompute();
        return new Change(Math.subtractExact(chargedPaise, beforePaise), before, charges);
    }

    /** What the order is charged as things stand, or null when the day has no such order. */
    ChargeBreakdown breakdown(OrderId id) {
        OrderPart order = byId.get(id);
        return order == null ? null : order.breakdown;
    }

    /**
     * Brings every order's charges up to date. An order is re-priced only when what its charges depend
     * on changed (its intraday value, its delivery value, whether it carries the DP charge), and the
     * day's totals move by the difference, so a fill costs the orders it touched rather than the day.
     */
    private void recompute() {
        boolean dpCharged = false;
        for (OrderPart order : orders) {
            long deliveryValue = order.value - order.intradayValue;
            boolean dp = deliveryValue > 0 && order.side == Side.SELL && !dpCharged;
            dpCharged |= dp;
            if (order.pricedIntradayValue == order.intradayValue && order.pricedDeliveryValue == deliveryValue
                    && order.pricedDp == dp) {
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
            charges = charges.minus(order.breakdown).plus(b);
            chargedPaise = Math.addExact(Math.subtractExact(chargedPaise, order.paise), p);
            order.breakdown = b;
            order.paise = p;
            order.pricedIntradayValue = order.intradayValue;
            order.pricedDeliveryValue = deliveryValue;
            order.pricedDp = dp;
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
        ChargeBreakdown breakdown = ChargeBreakdown.ZERO;
        /** Whole paise of {@link #breakdown}, each part rounded once. */
        long paise;
        /** The inputs {@link #breakdown} was priced from. */
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

        /** Moves {@code k} delivery shares to intraday at the delivery part's average price. */
        void moveToIntraday(long k) {
            long deliveryValue = value - intradayValue;
            long moved = k == deliveryQuantity() ? deliveryValue : Paise.scale(deliveryValue, k, deliveryQuantity());
            intradayQuantity += k;
            intradayValue += moved;
        }
    }
}
