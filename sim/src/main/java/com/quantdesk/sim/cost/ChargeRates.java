package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.Product;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Every rate the NSE equity cost model charges, as exact fractions of traded value.
 *
 * <p>All of them are configurable because they change by budget and by circular; {@link #zerodhaNse()}
 * holds the rates of the reference document (docs/costs.md lists them with their sources).
 *
 * @param intraday        rates for intraday (MIS) trades
 * @param delivery        rates for delivery (CNC) trades
 * @param exchangeTxnRate NSE exchange transaction charge on turnover (buy plus sell value)
 * @param sebiFeeRate     SEBI turnover fee on turnover
 * @param gstRate         GST on brokerage, exchange transaction charge and SEBI fee, and on the DP
 *                        charge
 * @param dpChargePaise   depository charge before GST, in paise, per symbol per day on which
 *                        delivery holdings are sold
 */
public record ChargeRates(
        ProductRates intraday,
        ProductRates delivery,
        BigDecimal exchangeTxnRate,
        BigDecimal sebiFeeRate,
        BigDecimal gstRate,
        long dpChargePaise) {

    /**
     * Validates that nothing is missing and no rate is negative.
     *
     * @throws IllegalArgumentException naming the offending field
     */
    public ChargeRates {
        Objects.requireNonNull(intraday, "intraday must not be null");
        Objects.requireNonNull(delivery, "delivery must not be null");
        exchangeTxnRate = requireRate("exchangeTxnRate", exchangeTxnRate);
        sebiFeeRate = requireRate("sebiFeeRate", sebiFeeRate);
        gstRate = requireRate("gstRate", gstRate);
        if (dpChargePaise < 0) {
            throw new IllegalArgumentException("dpChargePaise must not be negative, was " + dpChargePaise);
        }
    }

    /**
     * Zerodha's NSE equity charges: intraday brokerage min(₹20, 0.03%) per executed order and none
     * for delivery; STT 0.025% on intraday sells and 0.1% on delivery buys and sells; exchange
     * transaction charge 0.00297%; SEBI fee ₹10 per crore; stamp duty 0.003% (intraday) or 0.015%
     * (delivery) on buys; GST 18%; DP charge ₹13.50 before GST.
     */
    public static ChargeRates zerodhaNse() {
        ProductRates intraday = new ProductRates(
                percent("0.03"), 20_00, BigDecimal.ZERO, percent("0.025"), percent("0.003"));
        ProductRates delivery = new ProductRates(
                BigDecimal.ZERO, 0, percent("0.1"), percent("0.1"), percent("0.015"));
        return new ChargeRates(intraday, delivery, percent("0.00297"), percent("0.0001"), percent("18"), 13_50);
    }

    /**
     * These rates with another exchange transaction charge, e.g. {@code 0.0000307} for the
     * (unverified) rate that includes NSE's IPFT levy.
     */
    public ChargeRates withExchangeTxnRate(BigDecimal rate) {
        return new ChargeRates(intraday, delivery, rate, sebiFeeRate, gstRate, dpChargePaise);
    }

    /** The rates that depend on the product. */
    public ProductRates forProduct(Product product) {
        return switch (product) {
            case MIS -> intraday;
            case CNC -> delivery;
        };
    }

    /**
     * Rejects a null or negative rate and drops trailing zeros, so that records holding
     * {@code 0.10} and {@code 0.1} are equal.
     */
    static BigDecimal requireRate(String field, BigDecimal rate) {
        Objects.requireNonNull(rate, () -> field + " must not be null");
        if (rate.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + rate.toPlainString());
        }
        return rate.stripTrailingZeros();
    }

    private static BigDecimal percent(String value) {
        return new BigDecimal(value).movePointLeft(2);
    }
}
