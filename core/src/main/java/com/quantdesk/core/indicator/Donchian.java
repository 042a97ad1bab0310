package com.quantdesk.core.indicator;

/**
 * Donchian channel: the highest high and lowest low of the last {@code period} bars, and their
 * midpoint.
 *
 * <p>The window includes the bar just fed, so the first values appear on the update with
 * zero-based index {@code period - 1}. A breakout strategy that compares a bar with the channel of
 * the bars before it reads {@link #upper()} and {@link #lower()} before feeding that bar.
 *
 * <p>Each side keeps a monotonic deque of the window's candidates (a bar is dropped once a later
 * bar's high is at least as high), so an update costs amortised O(1) and allocates nothing.
 */
public final class Donchian {

    private final int period;
    private final WindowMaximum highs;
    // The lowest low is kept as the highest negated low; negation is exact in floating point.
    private final WindowMaximum negatedLows;
    private int count;

    /**
     * Creates a channel over {@code period} bars.
     *
     * @param period window length in bars, at least 1
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public Donchian(int period) {
        this.period = Inputs.requirePeriod(period, "period");
        this.highs = new WindowMaximum(period);
        this.negatedLows = new WindowMaximum(period);
    }

    /**
     * Feeds the next bar.
     *
     * @param high the bar's high, finite
     * @param low  the bar's low, finite
     * @throws IllegalArgumentException if either input is NaN or infinite
     */
    public void update(double high, double low) {
        Inputs.requireFinite(high, "high");
        Inputs.requireFinite(low, "low");
        highs.add(high);
        negatedLows.add(-low);
        count = Inputs.increment(count);
    }

    /** Whether {@code period} bars have been seen, so that the channel is defined. */
    public boolean isReady() {
        return count >= period;
    }

    /** The highest high of the last {@code period} bars, or NaN before {@link #isReady()}. */
    public double upper() {
        return isReady() ? highs.maximum() : Double.NaN;
    }

    /** The lowest low of the last {@code period} bars, or NaN before {@link #isReady()}. */
    public double lower() {
        return isReady() ? -negatedLows.maximum() : Double.NaN;
    }

    /** {@code (upper() + lower()) / 2}, or NaN before {@link #isReady()}. */
    public double middle() {
        return (upper() + lower()) / 2.0;
    }

    /** The window length given at construction. */
    public int period() {
        return period;
    }

    /** The number of updates since construction or the last {@link #reset()}. */
    public int count() {
        return count;
    }

    /** Forgets all bars, as if newly constructed. */
    public void reset() {
        highs.clear();
        negatedLows.clear();
        count = 0;
    }

    /**
     * The maximum of a sliding window, as a deque of (sequence, value) pairs whose values strictly
     * decrease from head to tail. Every element is within the window, so {@code period} slots in a
     * ring suffice.
     */
    private static final class WindowMaximum {

        private final int capacity;
        private final long[] sequences;
        private final double[] values;
        private int head;
        private int size;
        private long nextSequence;

        WindowMaximum(int capacity) {
            this.capacity = capacity;
            this.sequences = new long[capacity];
            this.values = new double[capacity];
        }

        void add(double value) {
            // An older value no higher than the new one can never be the maximum again.
            while (size > 0 && values[slot(size - 1)] <= value) {
                size--;
            }
            long oldestInWindow = nextSequence - capacity + 1;
            if (size > 0 && sequences[head] < oldestInWindow) {
                head = slot(1);
                size--;
            }
            int tail = slot(size);
            sequences[tail] = nextSequence;
            values[tail] = value;
            size++;
            nextSequence++;
        }

        double maximum() {
            return values[head];
        }

        void clear() {
            head = 0;
            size = 0;
            nextSequence = 0;
        }

        private int slot(int offset) {
            int index = head + offset;
            return index >= capacity ? index - capacity : index;
        }
    }
}
