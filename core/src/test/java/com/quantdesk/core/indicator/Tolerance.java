package com.quantdesk.core.indicator;

import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;

/** The tolerance for comparing an indicator with a reference computed another way. */
final class Tolerance {

    private Tolerance() {
    }

    /**
     * 1e-9 relative to the expected value, but never tighter than 1e-9 absolute, because values
     * that cross zero (MACD, histogram) have no meaningful relative error there.
     */
    static Offset<Double> relative(double expected) {
        return within(1e-9 * Math.max(1.0, Math.abs(expected)));
    }
}
