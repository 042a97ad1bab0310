package com.quantdesk.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact money arithmetic on {@code long} paise (1/100 rupee).
 *
 * <p>Every operation that can overflow throws {@link ArithmeticException} instead of wrapping,
 * because a silently wrapped balance is worse than a stopped engine.
 */
public final class Paise {

    /** Paise in one rupee. */
    public static final long PER_RUPEE = 100;

    private Paise() {
    }

    /** Rupees to paise, exactly. */
    public static long ofRupees(long rupees) {
        return Math.multiplyExact(rupees, PER_RUPEE);
    }

    /**
     * Parses a rupee amount such as {@code "1407.50"} or {@code "-3"}; more than two decimals are
     * rounded half-even to the paisa.
     *
     * @throws NumberFormatException if the text is not a decimal number
     */
    public static long parse(String rupees) {
        return fromRupees(new BigDecimal(rupees.trim()));
    }

    /** A rupee amount to paise, rounded half-even to the nearest paisa. */
    public static long fromRupees(BigDecimal rupees) {
        return rupees.setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
    }

    /** Paise as a rupee amount with two decimals. */
    public static BigDecimal toRupees(long paise) {
        return BigDecimal.valueOf(paise, 2);
    }

    /** Formats paise as rupees with two decimals, e.g. {@code 140050 -> "1400.50"}. */
    public static String format(long paise) {
        return toRupees(paise).toPlainString();
    }

    /** Price times quantity, overflow-checked. */
    public static long times(long pricePaise, long quantity) {
        return Math.multiplyExact(pricePaise, quantity);
    }

    /**
     * {@code amount * numerator / denominator}, rounded half-even, without intermediate overflow
     * for the magnitudes a trading account sees.
     */
    public static long scale(long amount, long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("division by zero");
        }
        long high = Math.multiplyHigh(amount, numerator);
        long product = amount * numerator;
        // The product fits in a long when the high half is just its sign; then integer division
        // gives the same half-even result as BigDecimal, without allocating.
        if (high == (product >> 63) && product != Long.MIN_VALUE && denominator != Long.MIN_VALUE) {
            return divideHalfEven(product, denominator);
        }
        return BigDecimal.valueOf(amount)
                .multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    private static long divideHalfEven(long dividend, long divisor) {
        long quotient = dividend / divisor;
        long remainder = Math.abs(dividend % divisor);
        long rest = Math.abs(divisor) - remainder;
        if (remainder > rest || remainder == rest && (quotient & 1) != 0) {
            quotient += (dividend < 0) == (divisor < 0) ? 1 : -1;
        }
        return quotient;
    }

    /** Rounds a price down to a multiple of the tick size (for buy limits and the like). */
    public static long floorToTick(long pricePaise, long tickPaise) {
        return Math.floorDiv(pricePaise, tickPaise) * tickPaise;
    }

    /** Rounds a price up to a multiple of the tick size. */
    public static long ceilToTick(long pricePaise, long tickPaise) {
        return Math.ceilDiv(pricePaise, tickPaise) * tickPaise;
    }

    /** Rounds a price to the nearest multiple of the tick size, ties away from zero. */
    public static long roundToTick(long pricePaise, long tickPaise) {
        long down = floorToTick(pricePaise, tickPaise);
        return (pricePaise - down) * 2 >= tickPaise ? down + tickPaise : down;
    }

    /** Rounds a double price in rupees to the nearest tick, as paise. */
    public static long roundToTick(double rupees, long tickPaise) {
        if (!Double.isFinite(rupees)) {
            throw new IllegalArgumentException("price is not a finite number: " + rupees);
        }
        long ticks = Math.round(rupees * PER_RUPEE / tickPaise);
        return Math.multiplyExact(ticks, tickPaise);
    }
}
