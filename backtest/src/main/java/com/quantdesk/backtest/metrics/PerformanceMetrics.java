package com.quantdesk.backtest.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * The performance of one backtest, as computed by {@link PerformanceAnalyzer}; the formulas and the
 * value each metric takes in edge cases are documented there and in {@code docs/metrics.md}.
 *
 * <p>No component is NaN. {@code profitFactor} alone may be {@link Double#POSITIVE_INFINITY}: it
 * is when there are winning trades and no losing ones.
 *
 * @param startEquityPaise     equity at the first point of the curve
 * @param finalEquityPaise     equity at the last point of the curve
 * @param totalReturn          {@code final / start - 1}, a fraction ({@code 0.25} is 25%)
 * @param cagr                 compound annual growth rate, a fraction
 * @param annualVolatility     sample standard deviation of daily returns times {@code sqrt(252)}
 * @param sharpe               annualised Sharpe ratio of daily returns
 * @param sortino              annualised Sortino ratio of daily returns
 * @param maxDrawdown          largest fall from a running peak, a positive fraction of that peak
 * @param maxDrawdownDuration  longest time from a peak until equity is back at it, or until the last
 *                             point when it never is
 * @param calmar               {@code cagr / maxDrawdown}; zero without a drawdown
 * @param winRate              fraction of trades with a positive net P&amp;L
 * @param profitFactor         sum of net winning P&amp;L over the absolute sum of net losing P&amp;L
 * @param averageWinPaise      mean net P&amp;L of winning trades; zero without wins
 * @param averageLossPaise     mean net P&amp;L of losing trades, negative; zero without losses
 * @param exposure             fraction of curve points with open positions
 * @param numberOfTrades       closed round trips
 * @param totalChargesPaise    all charges paid, including those of positions still open
 */
public record PerformanceMetrics(
        long startEquityPaise,
        long finalEquityPaise,
        double totalReturn,
        double cagr,
        double annualVolatility,
        double sharpe,
        double sortino,
        double maxDrawdown,
        Duration maxDrawdownDuration,
        double calmar,
        double winRate,
        double profitFactor,
        long averageWinPaise,
        long averageLossPaise,
        double exposure,
        long numberOfTrades,
        long totalChargesPaise) {

    /** Validates that no ratio is NaN and that counts, fractions and durations are in range. */
    public PerformanceMetrics {
        Objects.requireNonNull(maxDrawdownDuration, "maxDrawdownDuration");
        requireFinite("totalReturn", totalReturn);
        requireFinite("cagr", cagr);
        requireFinite("annualVolatility", annualVolatility);
        requireFinite("sharpe", sharpe);
        requireFinite("sortino", sortino);
        requireFinite("maxDrawdown", maxDrawdown);
        requireFinite("calmar", calmar);
        requireFraction("winRate", winRate);
        requireFraction("exposure", exposure);
        if (Double.isNaN(profitFactor) || profitFactor < 0) {
            throw new IllegalArgumentException("profitFactor must be zero or more, was " + profitFactor);
        }
        if (maxDrawdown < 0) {
            throw new IllegalArgumentException("maxDrawdown must not be negative, was " + maxDrawdown);
        }
        if (maxDrawdownDuration.isNegative()) {
            throw new IllegalArgumentException("maxDrawdownDuration must not be negative, was " + maxDrawdownDuration);
        }
        if (averageWinPaise < 0 || averageLossPaise > 0) {
            throw new IllegalArgumentException("averageWinPaise must be >= 0 and averageLossPaise <= 0, were "
                    + averageWinPaise + " and " + averageLossPaise);
        }
        if (numberOfTrades < 0) {
            throw new IllegalArgumentException("numberOfTrades must not be negative, was " + numberOfTrades);
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + value);
        }
    }
}
