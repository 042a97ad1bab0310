package com.quantdesk.backtest.report;

import com.quantdesk.backtest.metrics.Drawdowns;
import com.quantdesk.backtest.metrics.EquityPoint;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** The report's two charts of an equity curve: equity in rupees and drawdown (underwater) in percent. */
final class ReportCharts {

    /**
     * Most points drawn per chart. A year of minute bars is ~90,000 points; more than a couple of
     * thousand cannot be told apart at page width and only bloat the file.
     */
    static final int MAX_POINTS = 2_000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH)
            .withZone(ReportFormat.IST);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd MMM HH:mm", Locale.ENGLISH)
            .withZone(ReportFormat.IST);

    private ReportCharts() {
    }

    /** Equity over time, the value axis in whole rupees. */
    static String equity(List<EquityPoint> curve) {
        double[] rupees = new double[curve.size()];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rupees.length; i++) {
            rupees[i] = curve.get(i).equityPaise() / 100.0;
            low = Math.min(low, rupees[i]);
            high = Math.max(high, rupees[i]);
        }
        AxisScale scale = AxisScale.covering(low, high, 1);
        return new SvgLineChart("Equity curve in rupees", "equity", rupees, Downsampler.minMax(rupees, MAX_POINTS),
                scale, scale.min(), value -> RupeeFormat.formatWhole(Math.round(value * 100)), timeLabels(curve))
                .render();
    }

    /** Drawdown from the running peak over time, as a negative percentage. */
    static String drawdown(List<EquityPoint> curve) {
        double[] underwater = Drawdowns.underwater(curve);
        double deepest = 0;
        for (int i = 0; i < underwater.length; i++) {
            underwater[i] = -underwater[i] * 100;
            deepest = Math.min(deepest, underwater[i]);
        }
        // A curve that never falls still gets a readable 0% to -1% axis.
        AxisScale scale = AxisScale.covering(Math.min(deepest, -1), 0, 0.01);
        int decimals = scale.step() >= 1 ? 0 : scale.step() >= 0.1 ? 1 : 2;
        return new SvgLineChart("Drawdown from the running peak in percent", "drawdown", underwater,
                Downsampler.minMax(underwater, MAX_POINTS), scale, 0,
                value -> ReportFormat.fixed(value, decimals) + "%", timeLabels(curve))
                .render();
    }

    private static IntFunction<String> timeLabels(List<EquityPoint> curve) {
        Duration span = Duration.between(curve.getFirst().time(), curve.getLast().time());
        DateTimeFormatter format = span.compareTo(Duration.ofDays(3)) < 0 ? DAY_AND_TIME : DAY;
        return index -> format.format(curve.get(index).time());
    }
}
