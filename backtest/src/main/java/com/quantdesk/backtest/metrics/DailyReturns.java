package com.quantdesk.backtest.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Simple daily returns of an equity curve resampled to IST daily closes.
 *
 * <p>Resampling first makes a minute-bar backtest and a daily-bar backtest of the same trades give
 * the same ratios, and lets {@code 252} annualise both.
 */
final class DailyReturns {

    /** NSE trades on Indian Standard Time, so a trading day is an IST calendar day. */
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private DailyReturns() {
    }

    /**
     * One return per IST calendar day: that day's close (its last point) over the previous day's
     * close, minus one. The first point of the curve is the base of the first return, so
     * compounding all returns gives the total return; a first day holding only the first point has
     * no return. After a close of zero or less the account is ruined and a ratio to it means
     * nothing, so the next day's return is taken as zero.
     *
     * @param curve points in time order, at least one
     */
    static double[] of(List<EquityPoint> curve) {
        double[] returns = new double[curve.size()];
        int count = 0;
        long previousClose = curve.getFirst().equityPaise();
        for (int i = 0; i < curve.size(); i++) {
            boolean lastOfDay = i == curve.size() - 1 || !day(curve.get(i + 1)).equals(day(curve.get(i)));
            if (!lastOfDay || i == 0) {
                continue;
            }
            long close = curve.get(i).equityPaise();
            returns[count++] = previousClose > 0 ? (double) close / previousClose - 1 : 0;
            previousClose = close;
        }
        return Arrays.copyOf(returns, count);
    }

    private static LocalDate day(EquityPoint point) {
        return LocalDate.ofInstant(point.time(), IST);
    }
}
