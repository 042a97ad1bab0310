package com.quantdesk.core.indicator;

/**
 * Wilder's relative strength index of closing prices.
 *
 * <p>Seeded as in TA-Lib: moves start with the second close (index 1); the average gain and
 * average loss are first the plain means of the first {@code period} moves, so the first value
 * appears on the update with zero-based index {@code period}; afterwards each average is smoothed
 * as {@code avg = (avg * (period - 1) + move) / period}.
 *
 * <p>The value is {@code 100 - 100 / (1 + avgGain / avgLoss)}, computed in the equivalent form
 * {@code 100 * avgGain / (avgGain + avgLoss)}, which needs no special case when only the average
 * loss is zero: the RSI is then 100. When both averages are zero (a flat market) the ratio is
 * undefined; this class defines it as 50, the neutral reading, where TA-Lib returns 0, because a
 * price that has not moved is neither overbought nor oversold.
 */
public final class Rsi {

    private final int period;
    private double previousClose = Double.NaN;
    private double avgGain;
    private double avgLoss;
    private double value = Double.NaN;
    private int count;

    /**
     * Creates an RSI over {@code period} moves.
     *
     * @param period smoothing period, at least 1
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public Rsi(int period) {
        this.period = Inputs.requirePeriod(period, "period");
    }

    /**
     * Feeds the next close.
     *
     * @param close the next closing price, finite
     * @return the new RSI in [0, 100], or NaN while fewer than {@code period + 1} closes have been
     *     seen
     * @throws IllegalArgumentException if {@code close} is NaN or infinite
     */
    public double update(double close) {
        Inputs.requireFinite(close, "close");
        count = Inputs.increment(count);
        if (count > 1) {
            double move = close - previousClose;
            double gain = move > 0 ? move : 0.0;
            double loss = move < 0 ? -move : 0.0;
            if (Double.isNaN(value)) {
                // Seeding: accumulate sums of the first period moves, then turn them into means.
                avgGain += gain;
                avgLoss += loss;
                if (count - 1 == period) {
                    avgGain /= period;
                    avgLoss /= period;
                    value = rsi();
                }
            } else {
                avgGain = (avgGain * (period - 1) + gain) / period;
                avgLoss = (avgLoss * (period - 1) + loss) / period;
                value = rsi();
            }
        }
        previousClose = close;
        return value;
    }

    private double rsi() {
        double total = avgGain + avgLoss;
        return total == 0.0 ? 50.0 : 100.0 * avgGain / total;
    }

    /** Whether {@code period + 1} closes have been seen, so that {@link #value()} is defined. */
    public boolean isReady() {
        return !Double.isNaN(value);
    }

    /** The current RSI in [0, 100], or NaN before {@link #isReady()}. */
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

    /** Forgets all inputs, as if newly constructed. */
    public void reset() {
        previousClose = Double.NaN;
        avgGain = 0.0;
        avgLoss = 0.0;
        value = Double.NaN;
        count = 0;
    }
}
