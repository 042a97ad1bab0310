package com.quantdesk.core.indicator;

/**
 * Exponential moving average with smoothing factor {@code alpha = 2 / (period + 1)}.
 *
 * <p>Seeded as in TA-Lib: the first value, on the update with zero-based index
 * {@code period - 1}, is the simple average of the first {@code period} inputs; every later value
 * is {@code previous + alpha * (x - previous)}.
 */
public final class Ema {

    private final int period;
    private final double alpha;
    private double seedSum;
    private double value = Double.NaN;
    private int count;

    /**
     * Creates an average with {@code alpha = 2 / (period + 1)}.
     *
     * @param period number of inputs in the seeding average, at least 1
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public Ema(int period) {
        this.period = Inputs.requirePeriod(period, "period");
        this.alpha = 2.0 / (period + 1);
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
        count = Inputs.increment(count);
        if (Double.isNaN(value)) {
            seedSum += x;
            if (count == period) {
                value = seedSum / period;
            }
        } else {
            value += alpha * (x - value);
        }
        return value;
    }

    /** Whether {@code period} inputs have been seen, so that {@link #value()} is defined. */
    public boolean isReady() {
        return count >= period;
    }

    /** The current average, or NaN before {@link #isReady()}. */
    public double value() {
        return value;
    }

    /** The seeding period given at construction. */
    public int period() {
        return period;
    }

    /** The number of updates since construction or the last {@link #reset()}. */
    public int count() {
        return count;
    }

    /** Forgets all inputs, as if newly constructed. */
    public void reset() {
        seedSum = 0.0;
        value = Double.NaN;
        count = 0;
    }
}
