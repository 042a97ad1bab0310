package com.quantdesk.core.indicator;

/**
 * Moving average convergence/divergence.
 *
 * <p>The MACD line is {@code EMA(fast) - EMA(slow)} of the inputs, each EMA seeded as in
 * {@link Ema}; it is defined from the update with zero-based index {@code slow - 1}. The signal
 * line is an {@link Ema} of the MACD line over {@code signal} values, seeded with the simple mean
 * of its first {@code signal} values, so it and the histogram ({@code macd - signal}) first appear
 * on the update with zero-based index {@code slow + signal - 2} (33 for the usual 12/26/9), which
 * is when {@link #isReady()} turns true. This matches TA-Lib's lookback.
 */
public final class Macd {

    private final Ema fastEma;
    private final Ema slowEma;
    private final Ema signalEma;
    private double macd = Double.NaN;
    private int count;

    /**
     * Creates a MACD with the given periods.
     *
     * @param fast   period of the fast EMA, at least 1
     * @param slow   period of the slow EMA, greater than {@code fast}
     * @param signal period of the signal EMA, at least 1
     * @throws IllegalArgumentException naming the offending parameter
     */
    public Macd(int fast, int slow, int signal) {
        Inputs.requirePeriod(fast, "fast");
        Inputs.requirePeriod(signal, "signal");
        if (slow <= fast) {
            throw new IllegalArgumentException("slow must be > fast (" + fast + "), was " + slow);
        }
        this.fastEma = new Ema(fast);
        this.slowEma = new Ema(slow);
        this.signalEma = new Ema(signal);
    }

    /**
     * Feeds the next input (usually a close).
     *
     * @param x the next value, finite
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public void update(double x) {
        Inputs.requireFinite(x, "x");
        count = Inputs.increment(count);
        double fast = fastEma.update(x);
        double slow = slowEma.update(x);
        if (slowEma.isReady()) {
            macd = fast - slow;
            signalEma.update(macd);
        }
    }

    /** Whether the signal line, and so the histogram, is defined. */
    public boolean isReady() {
        return signalEma.isReady();
    }

    /** The MACD line, {@code EMA(fast) - EMA(slow)}; NaN before {@code slow} inputs. */
    public double macd() {
        return macd;
    }

    /** The signal line, an EMA of the MACD line; NaN before {@link #isReady()}. */
    public double signal() {
        return signalEma.value();
    }

    /** The MACD line minus the signal line; NaN before {@link #isReady()}. */
    public double histogram() {
        return macd - signalEma.value();
    }

    /** The number of updates since construction or the last {@link #reset()}. */
    public int count() {
        return count;
    }

    /** Forgets all inputs, as if newly constructed. */
    public void reset() {
        fastEma.reset();
        slowEma.reset();
        signalEma.reset();
        macd = Double.NaN;
        count = 0;
    }
}
