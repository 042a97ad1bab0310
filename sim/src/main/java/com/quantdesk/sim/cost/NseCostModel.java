package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Charges for NSE equity trades, computed the way a Zerodha contract note does: brokerage per
 * executed order, STT rounded to the rupee per side and product, everything else exact.
 *
 * <p>Stateless and thread-safe; {@link ChargesLedger} applies it fill by fill.
 */
public final class NseCostModel {

    private final ChargeRates rates;
    /** The same formula for one order in {@code long} arithmetic, or null if the rates do not fit. */
    private final FixedPointCharges fixedPoint;

    /** A model charging {@code rates}. */
    public NseCostModel(ChargeRates rates) {
        this.rates = Objects.requireNonNull(rates, "rates must not be null");
        this.fixedPoint = FixedPointCharges.of(rates);
    }

    /** The rates this model charges. */
    public ChargeRates rates() {
        return rates;
    }

    /**
     * The charges of one trading day's contract note. STT is summed per side and product before
     * rounding to the rupee; the DP charge is added once per symbol with a delivery sell.
     *
     * @param executions the day's executed orders, one entry per order
     */
    public ChargeBreakdown charges(List<Execution> executions) {
        ContractNote note = new ContractNote();
        Set<Symbol> deliverySold = new HashSet<>();
        for (Execution execution : executions) {
            note.add(execution.side(), execution.product(), execution.valuePaise());
            if (isDeliverySell(execution.side(), execution.product())) {
                deliverySold.add(execution.symbol());
            }
        }
        return note.breakdown(deliverySold.size());
    }

    /**
     * The charges of a single executed order, as if it were alone on its contract note.
     *
     * @param cumulativeValuePaise   the order's total filled value so far, in paise
     * @param firstDeliverySellOfDay whether this order carries the day's DP charge for its symbol
     * @throws IllegalArgumentException if the value is not positive, or the DP charge is asked for
     *                                  on anything but a delivery sell
     */
    public ChargeBreakdown forOrder(Side side, Product product, long cumulativeValuePaise,
                                    boolean firstDeliverySellOfDay) {
        long[] fixed = fixedPointForOrder(side, product, cumulativeValuePaise, firstDeliverySellOfDay);
        return fixed != null ? fixedPoint.toBreakdown(fixed)
                : exactForOrder(side, product, cumulativeValuePaise, firstDeliverySellOfDay);
    }

    /**
     * {@link #forOrder}'s {@link ChargeBreakdown#totalPaise() total} alone, in paise: in long
     * arithmetic whenever the fixed-point form holds the order, as it does for any real one.
     */
    public long totalPaise(Side side, Product product, long cumulativeValuePaise, boolean firstDeliverySellOfDay) {
        long[] fixed = fixedPointForOrder(side, product, cumulativeValuePaise, firstDeliverySellOfDay);
        return fixed != null ? fixed[FixedPointCharges.TOTAL_PAISE]
                : exactForOrder(side, product, cumulativeValuePaise, firstDeliverySellOfDay).totalPaise();
    }

    /**
     * {@link #forOrder}'s components in {@link FixedPointCharges} form, or null when the rates or
     * the value are too large for it; validates the arguments as {@code forOrder} does.
     */
    long[] fixedPointForOrder(Side side, Product product, long cumulativeValuePaise, boolean firstDeliverySellOfDay) {
        requireValidOrder(side, product, cumulativeValuePaise, firstDeliverySellOfDay);
        return fixedPoint == null ? null
                : fixedPoint.forOrder(side, product, cumulativeValuePaise, firstDeliverySellOfDay);
    }

    /** The fixed-point form of the rates, or null if they do not fit one. */
    FixedPointCharges fixedPoint() {
        return fixedPoint;
    }

    /** {@link #forOrder} by the {@code BigDecimal} formula, the reference for the fixed-point one. */
    ChargeBreakdown exactForOrder(Side side, Product product, long cumulativeValuePaise,
                                  boolean firstDeliverySellOfDay) {
        requireValidOrder(side, product, cumulativeValuePaise, firstDeliverySellOfDay);
        ContractNote note = new ContractNote();
        note.add(side, product, cumulativeValuePaise);
        return note.breakdown(firstDeliverySellOfDay ? 1 : 0);
    }

    private static void requireValidOrder(Side side, Product product, long cumulativeValuePaise,
                                          boolean firstDeliverySellOfDay) {
        Objects.requireNonNull(side, "side must not be null");
        Objects.requireNonNull(product, "product must not be null");
        if (cumulativeValuePaise <= 0) {
            throw new IllegalArgumentException("cumulativeValuePaise must be positive, was " + cumulativeValuePaise);
        }
        if (firstDeliverySellOfDay && !isDeliverySell(side, product)) {
            throw new IllegalArgumentException("only a delivery (CNC) sell pays the DP charge, not "
                    + product + " " + side);
        }
    }

    private static boolean isDeliverySell(Side side, Product product) {
        return side == Side.SELL && product == Product.CNC;
    }

    /** Accumulates executed orders; turns them into charges once all are in. */
    private final class ContractNote {

        private final long[][] valuePaise = new long[Product.values().length][Side.values().length];
        private BigDecimal brokerage = BigDecimal.ZERO;

        void add(Side side, Product product, long orderValuePaise) {
            int p = product.ordinal();
            int s = side.ordinal();
            valuePaise[p][s] = Math.addExact(valuePaise[p][s], orderValuePaise);
            ProductRates productRates = rates.forProduct(product);
            // The cap applies per executed order, so it is taken before orders are summed.
            BigDecimal fee = rupees(orderValuePaise).multiply(productRates.brokerageRate());
            brokerage = brokerage.add(fee.min(rupees(productRates.brokerageCapPaise())));
        }

        ChargeBreakdown breakdown(int dpChargedSymbols) {
            BigDecimal stt = BigDecimal.ZERO;
            BigDecimal stampDuty = BigDecimal.ZERO;
            long turnoverPaise = 0;
            for (Product product : Product.values()) {
                ProductRates productRates = rates.forProduct(product);
                long bought = valuePaise[product.ordinal()][Side.BUY.ordinal()];
                long sold = valuePaise[product.ordinal()][Side.SELL.ordinal()];
                stt = stt.add(toWholeRupees(rupees(bought).multiply(productRates.sttBuyRate())))
                        .add(toWholeRupees(rupees(sold).multiply(productRates.sttSellRate())));
                stampDuty = stampDuty.add(rupees(bought).multiply(productRates.stampDutyBuyRate()));
                turnoverPaise = Math.addExact(turnoverPaise, Math.addExact(bought, sold));
            }
            BigDecimal exchangeTxn = rupees(turnoverPaise).multiply(rates.exchangeTxnRate());
            BigDecimal sebiFee = rupees(turnoverPaise).multiply(rates.sebiFeeRate());
            BigDecimal gst = brokerage.add(exchangeTxn).add(sebiFee).multiply(rates.gstRate());
            BigDecimal dpCharges = rupees(rates.dpChargePaise())
                    .multiply(BigDecimal.ONE.add(rates.gstRate()))
                    .multiply(BigDecimal.valueOf(dpChargedSymbols));
            return new ChargeBreakdown(brokerage, stt, exchangeTxn, sebiFee, stampDuty, gst, dpCharges);
        }
    }

    private static BigDecimal rupees(long paise) {
        return Paise.toRupees(paise);
    }

    // The contract note shows STT in whole rupees; half-even turns the delivery example's
    // 14 + 14.5 into the documented 28.
    private static BigDecimal toWholeRupees(BigDecimal rupees) {
        return rupees.setScale(0, RoundingMode.HALF_EVEN);
    }
}
