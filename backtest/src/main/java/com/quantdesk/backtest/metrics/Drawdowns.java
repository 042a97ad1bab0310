package com.quantdesk.backtest.metrics;

import java.time.Duration;
import java.util.List;

/**
 * Drawdowns of an equity curve, measured on every point so that an intraday trough counts.
 *
 * <p>The drawdown at a point is {@code (peak - equity) / peak}, where {@code peak} is the highest
 * equity up to and including that point. It is zero at a new high and exceeds one only when equity
 * falls below zero. The curve must start with positive equity, so the peak is always positive.
 */
public final class Drawdowns {

    private Drawdowns() {
    }

    /**
     * The drawdown at each point, as a positive fraction (the underwater curve, sign flipped).
     *
     * @param curve points in time order; the first with positive equity
     * @return one drawdown per point, in the curve's order
     */
    public static double[] underwater(List<EquityPoint> curve) {
        EquityCurve c = EquityCurve.of(curve);
        requireStartsPositive(c);
        double[] drawdowns = new double[c.size()];
        long peak = Long.MIN_VALUE;
        for (int i = 0; i < c.size(); i++) {
            long equity = c.equityPaise(i);
            peak = Math.max(peak, equity);
            drawdowns[i] = (double) (peak - equity) / peak;
        }
        return drawdowns;
    }

    /** The largest drawdown of the curve, a fraction in {@code [0, 1]} while equity stays non-negative. */
    public static double max(List<EquityPoint> curve) {
        return CurveScan.of(EquityCurve.of(curve)).maxDrawdown();
    }

    /**
     * The longest time spent below a previous peak: from the peak's time to the first point whose
     * equity is back at or above it, or to the last point when equity never recovers. This is the
     * longest drawdown, not necessarily the deepest one; zero for a curve that never falls.
     */
    public static Duration longestDuration(List<EquityPoint> curve) {
        return CurveScan.of(EquityCurve.of(curve)).longestDrawdown();
    }

    /** Throws unless the curve has points and starts with positive equity. */
    static void requireStartsPositive(EquityCurve curve) {
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("the equity curve is empty");
        }
        if (curve.equityPaise(0) <= 0) {
            throw new IllegalArgumentException("the equity curve must start with positive equity, was "
                    + curve.equityPaise(0));
        }
    }
}
