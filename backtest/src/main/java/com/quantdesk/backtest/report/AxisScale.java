package com.quantdesk.backtest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis with "nice" round bounds and a step of 1, 2, 2.5 or 5 times a power of ten, so tick
 * labels read like ₹10,20,000 rather than ₹10,17,342.
 *
 * @param min  the lowest value on the axis, a multiple of {@code step}
 * @param max  the highest value on the axis, a multiple of {@code step}
 * @param step the distance between ticks, positive
 */
record AxisScale(double min, double max, double step) {

    private static final int TARGET_TICKS = 5;

    /** Validates that the axis is not empty. */
    AxisScale {
        if (!(step > 0 && max > min)) {
            throw new IllegalArgumentException("axis needs step > 0 and max > min, was " + min + ".." + max
                    + " by " + step);
        }
    }

    /**
     * An axis covering {@code [low, high]} with about five ticks.
     *
     * @param minStep the smallest step worth labelling, such as one rupee; also the padding around a
     *                flat series so that it still gets an axis
     */
    static AxisScale covering(double low, double high, double minStep) {
        if (high - low < minStep) {
            double pad = Math.max(Math.abs(high) * 0.01, minStep);
            low -= pad;
            high += pad;
        }
        double raw = (high - low) / TARGET_TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        double step = Math.max(nice * magnitude, minStep);
        return new AxisScale(Math.floor(low / step) * step, Math.ceil(high / step) * step, step);
    }

    /** The tick values from {@code min} to {@code max}. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((max - min) / step);
        for (long k = 0; k <= count; k++) {
            ticks.add(min + k * step);
        }
        return ticks;
    }

    /** Where {@code value} falls on the axis: {@code 0} at {@code min}, {@code 1} at {@code max}. */
    double position(double value) {
        return (value - min) / (max - min);
    }
}
