package com.quantdesk.backtest.report;

import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

/**
 * An inline SVG line chart of one series against its point index, with a value axis on the left
 * and a time axis below.
 *
 * <p>Points are spaced by index, not by time, so nights and weekends of an intraday backtest do not
 * show as long flat stretches; the time labels are read from the points they stand under.
 *
 * @param ariaLabel  what the chart shows, for screen readers
 * @param cssClass   class of the {@code svg} element, which picks the colours
 * @param values     the whole series; the chart draws only the points in {@code shown}
 * @param shown      ascending indices into {@code values} to draw
 * @param scale      the value axis
 * @param baseline   value the area under the line is filled down (or up) to
 * @param valueLabel tick label of a value
 * @param timeLabel  tick label of the point at an index
 */
record SvgLineChart(String ariaLabel, String cssClass, double[] values, int[] shown, AxisScale scale,
                    double baseline, DoubleFunction<String> valueLabel, IntFunction<String> timeLabel) {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 260;
    private static final int LEFT = 100;
    private static final int RIGHT = 24;
    private static final int TOP = 12;
    private static final int BOTTOM = 34;
    private static final int TIME_TICKS = 6;

    /** The chart as an {@code svg} element. */
    String render() {
        StringBuilder svg = new StringBuilder(64 * shown.length + 2_048);
        svg.append("<svg class=\"chart ").append(cssClass).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.escape(ariaLabel)).append("\">\n");
        valueAxis(svg);
        timeAxis(svg);
        series(svg);
        return svg.append("</svg>\n").toString();
    }

    private void valueAxis(StringBuilder svg) {
        svg.append("<g class=\"grid\">\n");
        for (double tick : scale.ticks()) {
            String y = number(y(tick));
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
                    .append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Html.escape(valueLabel.apply(tick))).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private void timeAxis(StringBuilder svg) {
        int last = values.length - 1;
        svg.append("<g class=\"time-axis\">\n");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        int ticks = Math.min(TIME_TICKS, values.length);
        int previous = -1;
        for (int k = 0; k < ticks; k++) {
            int index = ticks == 1 ? 0 : (int) Math.round((double) k * last / (ticks - 1));
            if (index == previous) {
                continue;
            }
            previous = index;
            String anchor = ticks == 1 ? "middle" : k == 0 ? "start" : k == ticks - 1 ? "end" : "middle";
            String x = number(x(index));
            svg.append("<line class=\"tick\" x1=\"").append(x).append("\" x2=\"").append(x)
                    .append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM + 5)
                    .append("\"/><text x=\"").append(x).append("\" y=\"").append(HEIGHT - 10)
                    .append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(Html.escape(timeLabel.apply(index))).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private void series(StringBuilder svg) {
        if (shown.length == 1) {
            int only = shown[0];
            svg.append("<circle class=\"dot\" cx=\"").append(number(x(only))).append("\" cy=\"")
                    .append(number(y(values[only]))).append("\" r=\"4\"/>\n");
            return;
        }
        StringBuilder line = new StringBuilder(24 * shown.length);
        for (int i = 0; i < shown.length; i++) {
            line.append(i == 0 ? 'M' : 'L').append(number(x(shown[i]))).append(',')
                    .append(number(y(values[shown[i]])));
        }
        String base = number(y(baseline));
        svg.append("<path class=\"area\" d=\"").append(line).append('L').append(number(x(shown[shown.length - 1])))
                .append(',').append(base).append('L').append(number(x(shown[0]))).append(',').append(base)
                .append("Z\"/>\n");
        svg.append("<path class=\"line\" d=\"").append(line).append("\"/>\n");
    }

    private double x(int index) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        return values.length == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * index / (values.length - 1);
    }

    private double y(double value) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        return TOP + plotHeight * (1 - scale.position(value));
    }

    private static String number(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }
}
