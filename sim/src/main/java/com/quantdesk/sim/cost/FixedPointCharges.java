package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import java.math.BigDecimal;

/**
 * The charges of a single executed order in exact {@code long} arithmetic: the same numbers as
 * {@link NseCostModel}'s {@code BigDecimal} formula, without allocating a {@code BigDecimal}.
 *
 * <p>Every rate is an integer over a power of ten. Every component is then an exact integer
 * number of {@code 10^-scale} rupees, where {@code scale} is the largest number of decimals any
 * component can have (11 for Zerodha's rates: GST of 18% on a charge of 0.00297% of a value in
 * paise). The only roundings, STT to the rupee and the total to the paisa, are half-even integer
 * divisions. Arithmetic overflows for orders worth more than about ₹9 crore at that scale; then
 * {@link #forOrder} answers {@code null} and the caller takes the {@code BigDecimal} path.
 */
final class FixedPointCharges {

    static final int BROKERAGE = 0;
    static final int STT = 1;
    static final int EXCHANGE_TXN = 2;
    static final int SEBI_FEE = 3;
    static final int STAMP_DUTY = 4;
    static final int GST = 5;
    static final int DP_CHARGES = 6;
    /** Index of the rounded total in paise, after the seven components. */
    static final int TOTAL_PAISE = 7;

    private static final int MAX_SCALE = 18;
    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** A non-negative rate {@code numerator / 10^scale}. */
    private record Rate(long numerator, int scale) {

        /** The rate, or null if it needs more than {@code MAX_SCALE} decimals or 62 bits. */
        static Rate of(BigDecimal rate) {
            BigDecimal r = rate.scale() < 0 ? rate.setScale(0) : rate;
            if (r.scale() > MAX_SCALE || r.unscaledValue().bitLength() > 62) {
                return null;
            }
            return new Rate(r.unscaledValue().longValueExact(), r.scale());
        }
    }

    /** One product's rates; index by {@code Product.ordinal()}. */
    private record ProductFixed(Rate brokerage, long capPaise, Rate sttBuy, Rate sttSell, Rate stampDutyBuy) {
    }

    private final ProductFixed[] products;
    private final Rate exchangeTxn;
    private final Rate sebiFee;
    private final Rate gst;
    private final long dpChargePaise;
    /** Components are in units of {@code 10^-scale} rupees. */
    private final int scale;
    /** The scale of GST's base (brokerage + exchange charge + SEBI fee): {@code scale - gst.scale}. */
    private final int baseScale;

    private FixedPointCharges(ProductFixed[] products, Rate exchangeTxn, Rate sebiFee, Rate gst,
                              long dpChargePaise, int scale) {
        this.products = products;
        this.exchangeTxn = exchangeTxn;
        this.sebiFee = sebiFee;
        this.gst = gst;
        this.dpChargePaise = dpChargePaise;
        this.scale = scale;
        this.baseScale = scale - gst.scale();
    }

    /** The fixed-point form of {@code rates}, or null if a rate has too many digits for one. */
    static FixedPointCharges of(ChargeRates rates) {
        ProductFixed[] products = new ProductFixed[Product.values().length];
        for (Product product : Product.values()) {
            ProductRates p = rates.forProduct(product);
            ProductFixed fixed = new ProductFixed(Rate.of(p.brokerageRate()), p.brokerageCapPaise(),
                    Rate.of(p.sttBuyRate()), Rate.of(p.sttSellRate()), Rate.of(p.stampDutyBuyRate()));
            if (fixed.brokerage() == null || fixed.sttBuy() == null || fixed.sttSell() == null
                    || fixed.stampDutyBuy() == null) {
                return null;
            }
            products[product.ordinal()] = fixed;
        }
        Rate exchangeTxn = Rate.of(rates.exchangeTxnRate());
        Rate sebiFee = Rate.of(rates.sebiFeeRate());
        Rate gst = Rate.of(rates.gstRate());
        if (exchangeTxn == null || sebiFee == null || gst == null) {
            return null;
        }
        int base = 2 + Math.max(exchangeTxn.scale(), sebiFee.scale());
        int other = 2 + gst.scale();
        for (ProductFixed p : products) {
            base = Math.max(base, 2 + p.brokerage().scale());
            other = Math.max(other, 2 + Math.max(p.stampDutyBuy().scale(),
                    Math.max(p.sttBuy().scale(), p.sttSell().scale())));
        }
        int scale = Math.max(base + gst.scale(), other);
        if (scale > MAX_SCALE) {
            return null;
        }
        return new FixedPointCharges(products, exchangeTxn, sebiFee, gst, rates.dpChargePaise(), scale);
    }

    /** Components are exact multiples of {@code 10^-scale()} rupees. */
    int scale() {
        return scale;
    }

    /**
     * The seven components of one executed order in {@code 10^-scale} rupees, indexed by the
     * constants above, then the total rounded half-even to the paisa; null if a number overflows.
     * The caller has validated the arguments as {@link NseCostModel#forOrder} does.
     */
    long[] forOrder(Side side, Product product, long valuePaise, boolean paysDpCharge) {
        try {
            return compute(side, product, valuePaise, paysDpCharge);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    private long[] compute(Side side, Product product, long valuePaise, boolean paysDpCharge) {
        ProductFixed p = products[product.ordinal()];
        long[] c = new long[TOTAL_PAISE + 1];
        // Brokerage is capped per executed order, before it is summed.
        Rate b = p.brokerage();
        long fee = Math.min(Math.multiplyExact(valuePaise, b.numerator()),
                Math.multiplyExact(p.capPaise(), POWERS_OF_TEN[b.scale()]));
        long brokerage = rescale(fee, 2 + b.scale(), baseScale);
        long exchange = rescale(Math.multiplyExact(valuePaise, exchangeTxn.numerator()), 2 + exchangeTxn.scale(),
                baseScale);
        long sebi = rescale(Math.multiplyExact(valuePaise, sebiFee.numerator()), 2 + sebiFee.scale(), baseScale);
        Rate stt = side == Side.BUY ? p.sttBuy() : p.sttSell();
        long sttRupees = roundHalfEven(Math.multiplyExact(valuePaise, stt.numerator()),
                POWERS_OF_TEN[2 + stt.scale()]);
        c[BROKERAGE] = rescale(brokerage, baseScale, scale);
        c[STT] = rescale(sttRupees, 0, scale);
        c[EXCHANGE_TXN] = rescale(exchange, baseScale, scale);
        c[SEBI_FEE] = rescale(sebi, baseScale, scale);
        c[STAMP_DUTY] = side == Side.BUY
                ? rescale(Math.multiplyExact(valuePaise, p.stampDutyBuy().numerator()),
                        2 + p.stampDutyBuy().scale(), scale)
                : 0;
        long base = Math.addExact(Math.addExact(brokerage, exchange), sebi);
        c[GST] = Math.multiplyExact(base, gst.numerator());
        c[DP_CHARGES] = paysDpCharge
                ? rescale(Math.multiplyExact(dpChargePaise,
                        Math.addExact(POWERS_OF_TEN[gst.scale()], gst.numerator())), 2 + gst.scale(), scale)
                : 0;
        long total = 0;
        for (int i = 0; i < TOTAL_PAISE; i++) {
            total = Math.addExact(total, c[i]);
        }
        c[TOTAL_PAISE] = roundHalfEven(total, POWERS_OF_TEN[scale - 2]);
        return c;
    }

    /** The components as the exact {@code BigDecimal} breakdown. */
    ChargeBreakdown toBreakdown(long[] c) {
        return new ChargeBreakdown(rupees(c[BROKERAGE]), rupees(c[STT]), rupees(c[EXCHANGE_TXN]),
                rupees(c[SEBI_FEE]), rupees(c[STAMP_DUTY]), rupees(c[GST]), rupees(c[DP_CHARGES]));
    }

    private BigDecimal rupees(long units) {
        return BigDecimal.valueOf(units, scale);
    }

    private static long rescale(long value, int from, int to) {
        return Math.multiplyExact(value, POWERS_OF_TEN[to - from]);
    }

    /** {@code value / divisor} rounded half-even, for non-negative values. */
    static long roundHalfEven(long value, long divisor) {
        long quotient = value / divisor;
        long twiceRemainder = (value % divisor) * 2;
        if (twiceRemainder > divisor || twiceRemainder == divisor && (quotient & 1) == 1) {
            quotient++;
        }
        return quotient;
    }
}
