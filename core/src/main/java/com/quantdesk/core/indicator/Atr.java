package com.quantdesk.core.indicator;

/**
 * Wilder's average true range.
 *
 * <p>The true range of a bar is {@code max(high - low, |high - previousClose|, |low -
 * previousClose|)}; it needs the previous close, so true ranges start with the second bar (index
 * 1). Seeded as in TA-Lib: the first value is the plain mean of the first {@code period} true
 * ranges and appears on the update with zero-based index {@code period}; afterwards
 * {@code atr = (atr * (period - 1) + trueRange) / period}.
 */
public final class Atr {

    private final int period;
    private double previousClose = Double.NaN;
    private double seedSum;
    private double value = Double.NaN;
    private int count;

    /**
     * Creates an ATR over {@code period} true ranges.
     *
     * @param period smoothing period, at least 1
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public Atr(int period) {
        this.period = Inputs.requirePeriod(period, "period");
    }

    /**
     * Feeds the next bar.
     *
     * @param high  the bar's high, finite
     * @param low   the bar's low, finite
     * @param close the bar's close, finite
     * @return the new ATR, or NaN while fewer than {@code period + 1} bars have been seen
     * @throws IllegalArgumentException if any input is NaN or infinite
     */
    public double update(double high, double low, double close) {
        Inputs.requireFinite(high, "high");
        Inputs.requireFinite(low, "low");
        Inputs.requireFinite(close, "close");
        count = Inputs.increment(count);
        if (count > 1) {
            double trueRange = Math.max(high - low,
                    Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
            if (Double.isNaN(value)) {
                seedSum += trueRange;
                if (count - 1 == period) {
                    value = seedSum / period;
                }
            } else {
                value = (value * (period - 1) + trueRange) / period;
            }
        }
        previousClose = close;
        return value;
    }

    /** Whether {@code period + 1} bars have been seen, so that {@link #value()} is defined. */
    public boolean isReady() {
        return !Double.isNaN(value);
    }

    /** The current average true range, or NaN before {@link #isReady()}. */
    public double value() {
        return value;
    }

    /** The smoothing period given at construction. */
    public int period() {
        return period;
    }

    /** The number of updates since construction or the last {@link #reset()}. */
    public int count() {
        return count;
    }

    /** Forgets all bars, as if newly constructed. */
    public void reset() {
        previousClose = Double.NaN;
        seedSum = 0.0;
        value = Double.NaN;
        count = 0;
    }
}
