package com.quantdesk.backtest.metrics;

import java.time.Duration;
import java.util.Arrays;

/**
 * The figures taken from every point of an equity curve, in one pass over it: the daily returns
 * ({@link DailyReturns}), the deepest drawdown and the longest time under water ({@link Drawdowns}),
 * and the share of points with exposure. A backtest's curve has a point per bar time, a million
 * for a million one-minute bars, and each pass over it costs most while it is still cold.
 *
 * @param dailyReturns    one return per IST calendar day, as {@link DailyReturns#of(EquityCurve)} defines them
 * @param maxDrawdown     as {@link Drawdowns#max}
 * @param longestDrawdown as {@link Drawdowns#longestDuration}
 * @param exposure        points with gross exposure above zero over all points
 */
record CurveScan(double[] dailyReturns, double maxDrawdown, Duration longestDrawdown, double exposure) {

    /**
     * Scans a curve whose first point has positive equity.
     *
     * @throws IllegalArgumentException if the curve is empty or does not start positive
     */
    static CurveScan of(EquityCurve curve) {
        Drawdowns.requireStartsPositive(curve);
        int n = curve.size();
        double[] returns = new double[64];
        int count = 0;
        long previousClose = curve.equityPaise(0);
        long day = DailyReturns.day(curve.epochSecond(0));

        double maxDrawdown = 0;
        long highest = Long.MIN_VALUE;

        Duration longest = Duration.ZERO;
        long peak = curve.equityPaise(0);
        int peakIndex = 0;
        boolean underwater = false;

        long exposed = 0;
        for (int i = 0; i < n; i++) {
            long equity = curve.equityPaise(i);

            // A day's return at its last point; the curve's first point is the base of the first.
            long nextDay = i == n - 1 ? day : DailyReturns.day(curve.epochSecond(i + 1));
            boolean lastOfDay = i == n - 1 || nextDay != day;
            day = nextDay;
            if (lastOfDay && i != 0) {
                if (count == returns.length) {
                    returns = Arrays.copyOf(returns, count * 2);
                }
                // After a close of zero or less the account is ruined; a ratio to it means nothing.
                returns[count++] = previousClose > 0 ? (double) equity / previousClose - 1 : 0;
                previousClose = equity;
            }

            highest = Math.max(highest, equity);
            maxDrawdown = Math.max(maxDrawdown, (double) (highest - equity) / highest);

            // Under water from a peak until a point at or above it.
            if (equity >= peak) {
                if (underwater) {
                    longest = longer(longest, between(curve, peakIndex, i));
                }
                peak = equity;
                peakIndex = i;
                underwater = false;
            } else {
                underwater = true;
            }

            if (curve.grossExposurePaise(i) > 0) {
                exposed++;
            }
        }
        if (underwater) {
            longest = longer(longest, between(curve, peakIndex, n - 1));
        }
        return new CurveScan(Arrays.copyOf(returns, count), maxDrawdown, longest, (double) exposed / n);
    }

    private static Duration between(EquityCurve curve, int from, int to) {
        return Duration.ofSeconds(curve.epochSecond(to) - curve.epochSecond(from),
                (long) curve.nano(to) - curve.nano(from));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
