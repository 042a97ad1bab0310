package com.quantdesk.sim.venue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The share of a trade's size the account may take, kept as the exact decimal fraction the
 * configuration wrote: {@code 1000 × 0.29} is 290 here, where double arithmetic gives 289.99….
 */
final class VolumeCap {

    private final long numerator;
    private final long denominator;

    private VolumeCap(long numerator, long denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The cap for a participation within 0..1; 0 means no cap. */
    static VolumeCap of(double participation) {
        if (participation == 0) {
            return new VolumeCap(1, 0);
        }
        BigDecimal exact = BigDecimal.valueOf(participation).stripTrailingZeros();
        // Beyond 18 decimals the fraction no longer fits a long; nobody configures a cap that fine.
        BigDecimal rounded = exact.scale() > 18 ? exact.setScale(18, RoundingMode.FLOOR) : exact;
        int scale = Math.max(rounded.scale(), 0);
        return new VolumeCap(rounded.movePointRight(scale).longValueExact(),
                BigInteger.TEN.pow(scale).longValueExact());
    }

    /** The most the account may trade from a trade of {@code size}; {@link Long#MAX_VALUE} when uncapped. */
    long allowance(long size) {
        if (denominator == 0) {
            return size == 0 ? 0 : Long.MAX_VALUE;
        }
        long high = Math.multiplyHigh(size, numerator);
        long product = size * numerator;
        if (high == 0 && product >= 0) {
            return product / denominator;
        }
        return BigInteger.valueOf(size).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }
}
