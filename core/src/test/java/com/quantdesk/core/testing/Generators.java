package com.quantdesk.core.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators shared by the property tests of every module. */
public final class Generators {

    private Generators() {
    }

    /**
     * Longs from {@code min} to {@code max} (inclusive) spread over their magnitudes: half the draws are
     * uniform over the range, half pick a bit length first and then a value at most that far from the
     * point of the range nearest zero. A uniform draw over 1..10^12 is almost never below 10^9; this
     * way values of every size come up, where thresholds such as a fee's cap usually sit.
     */
    public static Gen<Long> spreadLongs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        long centre = Math.max(min, Math.min(max, 0));
        Gen<Long> byMagnitude = integers().between(0, 63).flatMap(bits -> {
            long reach = bits == 63 ? Long.MAX_VALUE : 1L << bits;
            return longs().between(Math.max(min, saturatedAdd(centre, -reach)),
                    Math.min(max, saturatedAdd(centre, reach)));
        });
        return Generate.oneOf(longs().between(min, max), byMagnitude);
    }

    /** Any long, spread over magnitudes (see {@link #spreadLongs}); the extremes come up as boundaries. */
    public static Gen<Long> anyLong() {
        return spreadLongs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // Overflow when both operands have the same sign and the sum's sign differs.
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
