package com.quantdesk.backtest.research;

import com.quantdesk.backtest.metrics.PerformanceMetrics;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A metric a sweep can rank its combinations by, and which way is better. */
public enum RankMetric {
    /** Annualised Sharpe ratio, higher is better. */
    SHARPE("sharpe", PerformanceMetrics::sharpe, true),
    /** Annualised Sortino ratio, higher is better. */
    SORTINO("sortino", PerformanceMetrics::sortino, true),
    /** Total return over the run, higher is better. */
    RETURN("return", PerformanceMetrics::totalReturn, true),
    /** Compound annual growth rate, higher is better. */
    CAGR("cagr", PerformanceMetrics::cagr, true),
    /** CAGR over maximum drawdown, higher is better. */
    CALMAR("calmar", PerformanceMetrics::calmar, true),
    /** Gross wins over gross losses, higher is better (infinite without losing trades). */
    PROFIT_FACTOR("profit-factor", PerformanceMetrics::profitFactor, true),
    /** Fraction of winning trades, higher is better. */
    WIN_RATE("win-rate", PerformanceMetrics::winRate, true),
    /** Largest fall from a peak, lower is better. */
    MAX_DRAWDOWN("max-drawdown", PerformanceMetrics::maxDrawdown, false);

    private final String label;
    private final ToDoubleFunction<PerformanceMetrics> value;
    private final boolean higherIsBetter;

    RankMetric(String label, ToDoubleFunction<PerformanceMetrics> value, boolean higherIsBetter) {
        this.label = label;
        this.value = value;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name used on the command line and in reports, e.g. {@code profit-factor}. */
    public String label() {
        return label;
    }

    /** Whether a larger value ranks first. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** This metric of {@code metrics}. */
    public double of(PerformanceMetrics metrics) {
        return value.applyAsDouble(metrics);
    }

    /**
     * Compares two values of this metric so that the better one comes first; never zero between
     * different values, so ties fall through to the caller's next key.
     */
    public int compareBetterFirst(double a, double b) {
        return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
    }

    /** The metric called {@code label}; the message lists the known labels when there is none. */
    public static RankMetric parse(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + label + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(RankMetric::label).toList())));
    }
}
