package com.quantdesk.core.indicator;

import java.util.Arrays;

/**
 * Simple moving average: the arithmetic mean of the last {@code period} inputs.
 *
 * <p>The first value appears on the update with zero-based index {@code period - 1}, as in
 * TA-Lib. {@link #sum()} is the running sum of the window, kept by adding each new input and
 * subtracting the one it evicts; for integer-valued inputs (prices in paise) it is exact while the
 * window's partial sums stay below 2<sup>53</sup>, so callers can compare two averages exactly by
 * cross-multiplying their sums. For fractional inputs the sum carries the usual rounding error of
 * that add-and-subtract, which grows only with the square root of the number of updates.
 */
public final class Sma {

    private final int period;
    private final double[] window;
    private int next;
    private double sum;
    private int count;

    /**
     * Creates an average over {@code period} inputs.
     *
     * @param period window length, at least 1
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public Sma(int period) {
        this.period = Inputs.requirePeriod(period, "period");
        this.window = new double[period];
    }

    /**
     * Feeds the next input.
     *
     * @param x the next value, finite
     * @return the new average, or NaN while fewer than {@code period} inputs have been seen
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public double update(double x) {
        Inputs.requireFinite(x, "x");
        // The slot about to be overwritten holds the evicted input once the window is full, and
        // 0.0 before that, so one expression covers both phases.
        sum = sum - window[next] + x;
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        count = Inputs.increment(count);
        return value();
    }

    /** Whether {@code period} inputs have been seen, so that {@link #value()} is defined. */
    public boolean isReady() {
        return count >= period;
    }

    /** The average of the last {@code period} inputs, or NaN before {@link #isReady()}. */
    public double value() {
        return isReady() ? sum / period : Double.NaN;
    }

    /**
     * The sum of the last {@code period} inputs once ready; before that, the sum of all inputs so
     * far (never NaN).
     */
    public double sum() {
        return sum;
    }

    /** The window length given at construction. */
    public int period() {
        return period;
    }

    /** The number of updates since construction or the last {@link #reset()}. */
    public int count() {
        return count;
    }

    /** Forgets all inputs, as if newly constructed. */
    public void reset() {
        Arrays.fill(window, 0.0);
        next = 0;
        sum = 0.0;
        count = 0;
    }
}
