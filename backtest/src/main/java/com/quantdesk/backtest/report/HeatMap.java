package com.quantdesk.backtest.report;

import com.quantdesk.backtest.research.ParameterAxis;
import com.quantdesk.backtest.research.RankMetric;
import com.quantdesk.backtest.research.SkippedCombination;
import com.quantdesk.backtest.research.SweepResult;
import com.quantdesk.backtest.research.SweepRow;
import com.quantdesk.core.strategy.ParameterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SVG heat map of a two-parameter sweep: the first axis down, the second across, each cell
 * coloured by the ranking metric from red (worst) through pale grey to green (best). Hovering a
 * cell shows its parameters and values (an SVG {@code <title>}); refused combinations are grey.
 */
final class HeatMap {

    private static final int LEFT = 70;
    private static final int TOP = 20;
    private static final int BOTTOM = 56;
    private static final int PLOT_WIDTH = 860;
    private static final int LEGEND = 70;
    private static final int[] WORST = {0xb4, 0x23, 0x18};
    private static final int[] MIDDLE = {0xf2, 0xf2, 0xf0};
    private static final int[] BEST = {0x0b, 0x7a, 0x3e};

    private HeatMap() {
    }

    /** The heat map, or an explanation when the sweep does not have exactly two axes. */
    static String render(SweepResult result) {
        List<ParameterAxis> axes = result.grid().axes();
        if (axes.size() != 2) {
            return "<p class=\"empty\">A heat map needs exactly two swept parameters; this sweep has "
                    + axes.size() + ".</p>\n";
        }
        RankMetric metric = result.metric();
        ParameterAxis rowsAxis = axes.get(0);
        ParameterAxis columnsAxis = axes.get(1);
        Map<Integer, SweepRow> ran = new HashMap<>();
        result.rows().forEach(r -> ran.put(r.index(), r));
        Map<Integer, SkippedCombination> refused = new HashMap<>();
        result.skipped().forEach(s -> refused.put(s.index(), s));
        Map<Integer, Integer> ranks = SweepReport.ranks(result);
        double[] range = finiteRange(result, metric);

        int columns = columnsAxis.values().size();
        int rows = rowsAxis.values().size();
        double cellWidth = (double) PLOT_WIDTH / columns;
        double cellHeight = Math.max(14, Math.min(40, 520.0 / rows));
        double height = TOP + rows * cellHeight + BOTTOM;
        int width = LEFT + PLOT_WIDTH + LEGEND;
        StringBuilder svg = new StringBuilder(256 * rows * columns + 2_048);
        svg.append("<svg class=\"chart heatmap\" viewBox=\"0 0 ").append(width).append(' ').append(number(height))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(metric.label() + " by "
                        + rowsAxis.name() + " and " + columnsAxis.name())).append("\">\n");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int index = r * columns + c;
                String x = number(LEFT + c * cellWidth);
                String y = number(TOP + r * cellHeight);
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
                        .append(number(cellWidth)).append("\" height=\"").append(number(cellHeight)).append('"');
                String where = rowsAxis.name() + "=" + ParameterSpec.format(rowsAxis.values().get(r)) + ", "
                        + columnsAxis.name() + "=" + ParameterSpec.format(columnsAxis.values().get(c));
                SweepRow row = ran.get(index);
                if (row == null) {
                    SkippedCombination s = refused.get(index);
                    svg.append(" class=\"cell skipped\"><title>").append(Html.escape(where + ": skipped, "
                            + (s == null ? "not run" : s.reason()))).append("</title></rect>\n");
                    continue;
                }
                double value = metric.of(row.metrics());
                Integer rank = ranks.get(index);
                String tip = where + ": " + metric.label() + " " + SweepReport.format(metric, value)
                        + ", return " + ReportFormat.percent(row.metrics().totalReturn())
                        + ", max drawdown " + ReportFormat.percent(row.metrics().maxDrawdown())
                        + ", trades " + row.metrics().numberOfTrades()
                        + (rank == null ? " (too few trades to rank)" : ", rank " + rank);
                svg.append(" class=\"cell\" fill=\"").append(colour(value, range, metric.higherIsBetter()))
                        .append(rank == null ? "\" fill-opacity=\"0.35" : "").append("\"><title>")
                        .append(Html.escape(tip)).append("</title></rect>\n");
            }
        }
        axisLabels(svg, rowsAxis, columnsAxis, cellWidth, cellHeight);
        legend(svg, range, metric, LEFT + PLOT_WIDTH + 16, TOP, rows * cellHeight);
        return svg.append("</svg>\n").toString();
    }

    private static void axisLabels(StringBuilder svg, ParameterAxis rowsAxis, ParameterAxis columnsAxis,
                                   double cellWidth, double cellHeight) {
        int rows = rowsAxis.values().size();
        int everyRow = Math.max(1, (int) Math.ceil(14 / cellHeight));
        for (int r = 0; r < rows; r += everyRow) {
            svg.append("<text class=\"label\" x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(number(TOP + (r + 0.5) * cellHeight)).append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(ParameterSpec.format(rowsAxis.values().get(r))).append("</text>\n");
        }
        int everyColumn = Math.max(1, (int) Math.ceil(36 / cellWidth));
        double bottom = TOP + rows * cellHeight;
        for (int c = 0; c < columnsAxis.values().size(); c += everyColumn) {
            svg.append("<text class=\"label\" x=\"").append(number(LEFT + (c + 0.5) * cellWidth)).append("\" y=\"")
                    .append(number(bottom + 16)).append("\" text-anchor=\"middle\">")
                    .append(ParameterSpec.format(columnsAxis.values().get(c))).append("</text>\n");
        }
        svg.append("<text class=\"axis-title\" x=\"").append(LEFT + PLOT_WIDTH / 2).append("\" y=\"")
                .append(number(bottom + 40)).append("\" text-anchor=\"middle\">").append(Html.escape(columnsAxis.name()))
                .append("</text>\n<text class=\"axis-title\" x=\"14\" y=\"").append(number(TOP + rows * cellHeight / 2))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(number(TOP + rows * cellHeight / 2)).append(")\">").append(Html.escape(rowsAxis.name()))
                .append("</text>\n");
    }

    private static void legend(StringBuilder svg, double[] range, RankMetric metric, int x, int top, double height) {
        int steps = 20;
        double stepHeight = height / steps;
        for (int k = 0; k < steps; k++) {
            // the top of the legend is the best value
            double fraction = 1 - (k + 0.5) / steps;
            double value = range[0] + fraction * (range[1] - range[0]);
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(number(top + k * stepHeight))
                    .append("\" width=\"14\" height=\"").append(number(stepHeight + 0.5)).append("\" fill=\"")
                    .append(colour(metric.higherIsBetter() ? value : range[1] - (value - range[0]), range, true))
                    .append("\"/>\n");
        }
        String best = SweepReport.format(metric, metric.higherIsBetter() ? range[1] : range[0]);
        String worst = SweepReport.format(metric, metric.higherIsBetter() ? range[0] : range[1]);
        svg.append("<text class=\"label\" x=\"").append(x + 18).append("\" y=\"").append(top + 10).append("\">")
                .append(Html.escape(best)).append("</text>\n<text class=\"label\" x=\"").append(x + 18)
                .append("\" y=\"").append(number(top + height)).append("\">").append(Html.escape(worst))
                .append("</text>\n");
    }

    /** The lowest and highest finite values of the metric over the runs; infinities take the ends. */
    private static double[] finiteRange(SweepResult result, RankMetric metric) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (SweepRow row : result.rows()) {
            double v = metric.of(row.metrics());
            if (Double.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (low > high) {
            return new double[] {0, 1};
        }
        return new double[] {low, high};
    }

    /** A colour for {@code value} between the range's ends: red, grey in the middle, green for best. */
    static String colour(double value, double[] range, boolean higherIsBetter) {
        double span = range[1] - range[0];
        double t = span == 0 ? 0.5 : (Math.max(range[0], Math.min(range[1], value)) - range[0]) / span;
        if (!higherIsBetter) {
            t = 1 - t;
        }
        int[] from = t < 0.5 ? WORST : MIDDLE;
        int[] to = t < 0.5 ? MIDDLE : BEST;
        double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(from[0], to[0], u), mix(from[1], to[1], u),
                mix(from[2], to[2], u));
    }

    private static int mix(int a, int b, double u) {
        return (int) Math.round(a + (b - a) * u);
    }

    private static String number(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }
}
