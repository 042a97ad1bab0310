package com.quantdesk.core.indicator;

/**
 * Session volume-weighted average price: the cumulative sum of typical price times volume over
 * the cumulative volume, where the typical price of a bar is {@code (high + low + close) / 3}.
 *
 * <p>The session is everything since construction or the last {@link #reset()}; callers reset at
 * the start of each trading day. The value is NaN while the session's cumulative volume is zero,
 * including after bars with zero volume only.
 */
public final class Vwap {

    private double priceVolume;
    private double volume;
    private int count;

    /** Creates a VWAP with an empty session. */
    public Vwap() {
    }

    /**
     * Feeds the next bar.
     *
     * @param high   the bar's high, finite
     * @param low    the bar's low, finite
     * @param close  the bar's close, finite
     * @param volume the bar's traded quantity, finite and non-negative
     * @return the session VWAP, or NaN while the session's volume is zero
     * @throws IllegalArgumentException if any input is NaN or infinite, or the volume negative
     */
    public double update(double high, double low, double close, double volume) {
        Inputs.requireFinite(high, "high");
        Inputs.requireFinite(low, "low");
        Inputs.requireFinite(close, "close");
        Inputs.requireFinite(volume, "volume");
        if (volume < 0.0) {
            throw new IllegalArgumentException("volume must be >= 0, was " + volume);
        }
        double typicalPrice = (high + low + close) / 3.0;
        priceVolume += typicalPrice * volume;
        this.volume += volume;
        count = Inputs.increment(count);
        return value();
    }

    /** Whether the session has traded any volume, so that {@link #value()} is defined. */
    public boolean isReady() {
        return volume > 0.0;
    }

    /** The session VWAP, or NaN before {@link #isReady()}. */
    public double value() {
        return isReady() ? priceVolume / volume : Double.NaN;
    }

    /** The session's cumulative volume. */
    public double volume() {
        return volume;
    }

    /** The number of updates since construction or the last {@link #reset()}. */
    public int count() {
        return count;
    }

    /** Starts a new session, forgetting all bars. */
    public void reset() {
        priceVolume = 0.0;
        volume = 0.0;
        count = 0;
    }
}
