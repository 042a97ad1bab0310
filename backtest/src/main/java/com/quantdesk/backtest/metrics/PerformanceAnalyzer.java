package com.quantdesk.backtest.metrics;

import java.time.Duration;
import java.util.List;

/**
 * Computes {@link PerformanceMetrics} from an equity curve and the closed trades of a backtest.
 *
 * <h2>Returns</h2>
 * The curve is resampled to IST daily closes (the last point of each Asia/Kolkata calendar day) and
 * {@code r_i = close_i / close_(i-1) - 1}, the first point of the curve standing in for the close
 * before the first day; see {@code DailyReturns}. With {@code n} daily returns,
 * {@code rf = (1 + annualRiskFreeRate)^(1/252) - 1} is the daily risk-free rate and
 * {@code e_i = r_i - rf} the daily excess return.
 *
 * <ul>
 *   <li>{@code totalReturn = final / start - 1}.</li>
 *   <li>{@code cagr = (final / start)^(1 / years) - 1}, {@code years} being the calendar time from
 *       the first to the last point in 365.25-day years. Under one day of span it is the total
 *       return (annualising a few hours explodes); with final equity at or below zero it is
 *       {@code -1}; a value beyond {@code Double.MAX_VALUE} is capped there, as is Calmar.</li>
 *   <li>{@code annualVolatility = sd(r) * sqrt(252)}, {@code sd} the sample standard deviation
 *       (divisor {@code n - 1}); zero with fewer than two returns or below
 *       {@code 1e-12}, which is rounding noise on a constant series.</li>
 *   <li>{@code sharpe = mean(e) / sd(r) * sqrt(252)}; zero when {@code sd(r)} is zero.</li>
 *   <li>{@code sortino = mean(e) / dd * sqrt(252)}, {@code dd = sqrt(sum(min(e_i, 0)^2) / n)}, the
 *       downside deviation over all days; zero when {@code dd} is zero (below {@code 1e-12}).</li>
 *   <li>{@code maxDrawdown} and {@code maxDrawdownDuration} come from every point of the curve, not
 *       the daily closes; see {@link Drawdowns}.</li>
 *   <li>{@code calmar = cagr / maxDrawdown}; zero when there is no drawdown.</li>
 *   <li>{@code exposure} = points with gross exposure above zero / all points.</li>
 *   <li>{@code winRate}, {@code profitFactor}, {@code averageWinPaise}, {@code averageLossPaise}
 *       use net trade P&amp;L; see {@code TradeStatistics}. Without trades all four are zero;
 *       {@code profitFactor} is {@code +Infinity} with wins and no losses.</li>
 * </ul>
 */
public final class PerformanceAnalyzer {

    /** Trading days in a year, for annualising daily statistics. */
    public static final int TRADING_DAYS_PER_YEAR = 252;

    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 60 * 60;

    /**
     * Deviations below this are rounding noise: the mean of a constant return series is not always
     * exactly that constant in floating point, and dividing by the leftover would give a Sharpe
     * ratio of about 1e16 instead of the zero we define for no volatility.
     */
    private static final double NOISE = 1e-12;

    private PerformanceAnalyzer() {
    }

    /**
     * Analyses a backtest.
     *
     * @param curve              equity after each bar time, in time order, at least one point, the
     *                           first with positive equity
     * @param trades             closed round trips, in any order
     * @param totalChargesPaise  all charges paid, which may exceed the trades' charges when positions
     *                           are still open
     * @param annualRiskFreeRate yearly risk-free rate as a fraction, e.g. {@code 0.065} for 6.5%
     * @throws IllegalArgumentException if the curve is empty, out of order or does not start positive,
     *                                  or the rate is not a number above {@code -1}
     */
    public static PerformanceMetrics analyze(List<EquityPoint> curve, List<RoundTrip> trades,
                                             long totalChargesPaise, double annualRiskFreeRate) {
        return analyze(EquityCurve.of(curve), trades, totalChargesPaise, annualRiskFreeRate);
    }

    private static PerformanceMetrics analyze(EquityCurve curve, List<RoundTrip> trades,
                                              long totalChargesPaise, double annualRiskFreeRate) {
        requireValid(curve, annualRiskFreeRate);
        long start = curve.equityPaise(0);
        long end = curve.equityPaise(curve.size() - 1);
        double totalReturn = (double) end / start - 1;
        double cagr = cagr(curve, totalReturn);
        // Every figure taken from all the points, in one pass over them.
        CurveScan scan = CurveScan.of(curve);
        double[] returns = scan.dailyReturns();
        double[] excess = minus(returns, Math.pow(1 + annualRiskFreeRate, 1.0 / TRADING_DAYS_PER_YEAR) - 1);
        double sd = withoutNoise(sampleStandardDeviation(returns));
        double annualiser = Math.sqrt(TRADING_DAYS_PER_YEAR);
        double sharpe = sd == 0 ? 0 : mean(excess) / sd * annualiser;
        double downside = withoutNoise(downsideDeviation(excess));
        double sortino = downside == 0 ? 0 : mean(excess) / downside * annualiser;
        double maxDrawdown = scan.maxDrawdown();
        double calmar = maxDrawdown == 0 ? 0 : capped(cagr / maxDrawdown);
        TradeStatistics stats = TradeStatistics.of(trades);
        return new PerformanceMetrics(start, end, totalReturn, cagr, sd * annualiser, sharpe, sortino,
                maxDrawdown, scan.longestDrawdown(), calmar,
                stats.winRate(), stats.profitFactor(), stats.averageWinPaise(), stats.averageLossPaise(),
                scan.exposure(), trades.size(), totalChargesPaise);
    }

    private static double cagr(EquityCurve curve, double totalReturn) {
        Duration span = Duration.between(curve.getFirst().time(), curve.getLast().time());
        if (span.compareTo(Duration.ofDays(1)) < 0) {
            return totalReturn;
        }
        if (totalReturn <= -1) {
            return -1;
        }
        double years = (span.getSeconds() + span.getNano() / 1e9) / SECONDS_PER_YEAR;
        return capped(Math.pow(1 + totalReturn, 1 / years) - 1);
    }

    /**
     * A tenfold gain over one day annualises to about {@code 10^365}, beyond {@code Double.MAX_VALUE}; such a CAGR
     * is meaningless either way, and a finite cap keeps the metrics free of infinities.
     */
    private static double capped(double value) {
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value));
    }

    private static double withoutNoise(double deviation) {
        return deviation < NOISE ? 0 : deviation;
    }

    private static double[] minus(double[] values, double amount) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] - amount;
        }
        return result;
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sampleStandardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static double downsideDeviation(double[] excess) {
        if (excess.length == 0) {
            return 0;
        }
        double squares = 0;
        for (double value : excess) {
            double shortfall = Math.min(value, 0);
            squares += shortfall * shortfall;
        }
        return Math.sqrt(squares / excess.length);
    }

    private static void requireValid(EquityCurve curve, double annualRiskFreeRate) {
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("the equity curve is empty");
        }
        if (curve.equityPaise(0) <= 0) {
            throw new IllegalArgumentException("the equity curve must start with positive equity, was "
                    + curve.equityPaise(0));
        }
        for (int i = 1; i < curve.size(); i++) {
            if (curve.isBefore(i, i - 1)) {
                throw new IllegalArgumentException("the equity curve is out of time order at " + curve.get(i).time());
            }
        }
        if (!(annualRiskFreeRate > -1) || Double.isInfinite(annualRiskFreeRate)) {
            throw new IllegalArgumentException("annual risk-free rate must be a number above -1, was "
                    + annualRiskFreeRate);
        }
    }
}
