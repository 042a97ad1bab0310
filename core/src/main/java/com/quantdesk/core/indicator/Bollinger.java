package com.quantdesk.core.indicator;

import java.util.Arrays;

/**
 * Bollinger bands: a simple moving average of the last {@code period} inputs with bands
 * {@code k} population standard deviations (dividing by {@code period}, as TA-Lib does) above and
 * below it. The first values appear on the update with zero-based index {@code period - 1}.
 *
 * <p>Prices in paise are large and a window's spread small, so a variance taken from raw sums of
 * inputs and their squares would lose the spread to cancellation. This class keeps those sums
 * relative to an anchor instead, and after every update moves the anchor by the whole number of
 * units nearest the window's mean, correcting the sums in O(1). For integer inputs (paise) every
 * step is then exact while the shifted sum of squares stays below 2<sup>53</sup>, whatever the
 * price level or drift: the sums accumulate no error over long runs, the variance
 * {@code (n * sumOfSquares - sum^2) / n^2} is rounded once when {@code period} times the window's
 * range is below about 2<sup>26.5</sup> (₹4,700 of range in a 200-bar window), and a flat window
 * has a standard deviation of exactly zero.
 *
 * <p>A jump beyond that range (a bad tick, say) makes the sums round, and a running sum would keep
 * that error forever; so when the sum of squares leaves the exact range the sums are rebuilt from
 * the window, once, as soon as it is back in range. That rebuild is the only O(period) step, and it
 * happens only after such a jump. Fractional inputs carry ordinary rounding error, and a variance
 * a hair below zero is clamped to zero.
 *
 * <p>{@link #middle()} is computed from an unshifted running sum exactly as {@link Sma} computes
 * its value, so the two agree bit for bit.
 */
public final class Bollinger {

    /** 2^53: integers up to here are exact in a double, so sums below it have not rounded. */
    private static final double EXACT_LIMIT = 9_007_199_254_740_992.0;

    private final int period;
    private final double k;
    private final double[] window;
    private int next;
    private double anchor;
    private double sum;
    private double shiftedSum;
    private double shiftedSumOfSquares;
    private boolean sumsMayHaveRounded;
    private int count;

    /**
     * Creates bands over {@code period} inputs at {@code k} standard deviations.
     *
     * @param period window length, at least 1
     * @param k      band width in standard deviations, finite and non-negative (2 is usual)
     * @throws IllegalArgumentException naming the offending parameter
     */
    public Bollinger(int period, double k) {
        this.period = Inputs.requirePeriod(period, "period");
        if (!(k >= 0.0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be finite and >= 0, was " + k);
        }
        this.k = k;
        this.window = new double[period];
    }

    /**
     * Feeds the next input.
     *
     * @param x the next value, finite
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public void update(double x) {
        Inputs.requireFinite(x, "x");
        if (count == 0) {
            anchor = x;
        }
        // Before the window fills, the slot about to be overwritten holds 0.0 and is not an input.
        boolean full = count >= period;
        double evicted = window[next];
        double shiftedIn = x - anchor;
        double shiftedOut = full ? evicted - anchor : 0.0;
        sum = sum - evicted + x;
        shiftedSum = shiftedSum - shiftedOut + shiftedIn;
        shiftedSumOfSquares = shiftedSumOfSquares - shiftedOut * shiftedOut + shiftedIn * shiftedIn;
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        count = Inputs.increment(count);
        int size = full ? period : count;
        recentre(size);
        // Judge the range only after recentring: right after a jump leaves the window the anchor
        // still sits near the old mean, and the sums look out of range until it moves.
        if (sumsMayHaveRounded && shiftedSumOfSquares < EXACT_LIMIT) {
            rebuild(size);
            recentre(size);
            sumsMayHaveRounded = false;
        }
        if (shiftedSumOfSquares >= EXACT_LIMIT) {
            sumsMayHaveRounded = true;
        }
    }

    /** Recomputes the shifted sums from the {@code size} inputs in the window. */
    private void rebuild(int size) {
        shiftedSum = 0.0;
        shiftedSumOfSquares = 0.0;
        for (int i = 0; i < size; i++) {
            double shifted = window[i] - anchor;
            shiftedSum += shifted;
            shiftedSumOfSquares += shifted * shifted;
        }
    }

    /**
     * Moves the anchor by the integer {@code d} nearest the mean of the shifted inputs, using
     * {@code sum((y - d)^2) = sum(y^2) - d * (sum(y) + sum(y - d))}; for integer inputs every term
     * is an integer no larger than the sums themselves, so the correction is exact.
     */
    private void recentre(int size) {
        double shift = Math.rint(shiftedSum / size);
        if (shift != 0.0) {
            double recentredSum = shiftedSum - size * shift;
            shiftedSumOfSquares -= shift * (shiftedSum + recentredSum);
            shiftedSum = recentredSum;
            anchor += shift;
        }
    }

    /** Whether {@code period} inputs have been seen, so that the bands are defined. */
    public boolean isReady() {
        return count >= period;
    }

    /** The simple moving average of the window, or NaN before {@link #isReady()}. */
    public double middle() {
        return isReady() ? sum / period : Double.NaN;
    }

    /** {@code middle() + k * stdDev()}, or NaN before {@link #isReady()}. */
    public double upper() {
        return middle() + k * stdDev();
    }

    /** {@code middle() - k * stdDev()}, or NaN before {@link #isReady()}. */
    public double lower() {
        return middle() - k * stdDev();
    }

    /** The population standard deviation of the window, or NaN before {@link #isReady()}. */
    public double stdDev() {
        if (!isReady()) {
            return Double.NaN;
        }
        double n = period;
        double variance = (n * shiftedSumOfSquares - shiftedSum * shiftedSum) / (n * n);
        return variance > 0.0 ? Math.sqrt(variance) : 0.0;
    }

    /** The window length given at construction. */
    public int period() {
        return period;
    }

    /** The band width in standard deviations given at construction. */
    public double k() {
        return k;
    }

    /** The number of updates since construction or the last {@link #reset()}. */
    public int count() {
        return count;
    }

    /** Forgets all inputs, as if newly constructed. */
    public void reset() {
        Arrays.fill(window, 0.0);
        next = 0;
        anchor = 0.0;
        sum = 0.0;
        shiftedSum = 0.0;
        shiftedSumOfSquares = 0.0;
        sumsMayHaveRounded = false;
        count = 0;
    }
}
