package com.quantdesk.backtest.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.quantdesk.backtest.metrics.EquityPoint;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.research.RankMetric;
import com.quantdesk.backtest.research.WalkForwardResult;
import com.quantdesk.backtest.research.WindowResult;
import com.quantdesk.core.strategy.ParameterSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes a walk-forward analysis as JSON (every window, the stitched curve, overall metrics) or as
 * an HTML page (headline figures, the stitched equity and drawdown charts, the window table).
 */
public final class WalkForwardReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private WalkForwardReport() {
    }

    /** Writes the analysis as JSON to {@code file}. */
    public static void writeJson(Path file, WalkForwardResult result) {
        AtomicFile.write(file, out -> json(out, result));
    }

    /** Writes the HTML page to {@code file}. */
    public static void writeHtml(Path file, WalkForwardResult result, String title) {
        AtomicFile.write(file, out -> out.write(html(result, title).getBytes(StandardCharsets.UTF_8)));
    }

    /** A date in IST, as the window table shows it. */
    public static String day(Instant time) {
        return LocalDate.ofInstant(time, ReportFormat.IST).toString();
    }

    /** The chosen parameters as {@code fast=10, slow=40}, or {@code none} without a choice. */
    public static String parameters(WindowResult w) {
        if (w.chosen().isEmpty()) {
            return "none (nothing ranked)";
        }
        StringBuilder sb = new StringBuilder();
        w.chosen().get().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=')
                .append(ParameterSpec.format(v)));
        return sb.toString();
    }

    /** A value of the ranking metric as the reports show it; NaN as a dash. */
    public static String metric(RankMetric metric, double value) {
        return Double.isNaN(value) ? "–" : SweepReport.format(metric, value);
    }

    static String html(WalkForwardResult result, String title) {
        RankMetric metric = result.metric();
        PerformanceMetrics m = result.overall();
        StringBuilder html = ResearchPage.open(title, result.strategy() + ", " + (result.anchored() ? "anchored" : "rolling")
                + " windows, in-sample " + result.inSample() + ", out-of-sample " + result.outOfSample()
                + ", ranked by " + metric.label());
        html.append("<div class=\"cards\">\n");
        ResearchPage.card(html, "Windows", Integer.toString(result.windows().size()));
        ResearchPage.card(html, "OOS return", ReportFormat.percent(m.totalReturn()));
        ResearchPage.card(html, "OOS CAGR", ReportFormat.percent(m.cagr()));
        ResearchPage.card(html, "OOS Sharpe", ReportFormat.ratio(m.sharpe()));
        ResearchPage.card(html, "OOS max drawdown", ReportFormat.percent(m.maxDrawdown()));
        ResearchPage.card(html, "Efficiency", Double.isNaN(result.efficiency()) ? "–"
                : ReportFormat.fixed(result.efficiency(), 2));
        html.append("</div>\n<section>\n<h2>Out-of-sample equity, windows stitched</h2>\n")
                .append(ReportCharts.equity(result.curve())).append("</section>\n<section>\n<h2>Drawdown</h2>\n")
                .append(ReportCharts.drawdown(result.curve())).append("</section>\n<section>\n<h2>Windows</h2>\n")
                .append("<table class=\"trades\">\n<thead><tr><th>#</th><th>In sample</th><th>Out of sample</th>")
                .append("<th>Chosen</th><th class=\"num\">IS ").append(Html.escape(metric.label()))
                .append("</th><th class=\"num\">OOS ").append(Html.escape(metric.label()))
                .append("</th><th class=\"num\">OOS return</th><th class=\"num\">Trades</th>")
                .append("<th class=\"num\">End equity</th></tr></thead>\n<tbody>\n");
        for (WindowResult w : result.windows()) {
            String[] cells = {Integer.toString(w.window().number()),
                    day(w.window().inSampleFrom()) + " – " + day(w.window().inSampleTo().minusNanos(1)),
                    day(w.window().outOfSampleFrom()) + " – " + day(w.window().outOfSampleTo().minusNanos(1)),
                    parameters(w), metric(metric, w.inSampleMetric()),
                    metric(metric, metric.of(w.outOfSample())), ReportFormat.percent(w.outOfSample().totalReturn()),
                    Long.toString(w.outOfSample().numberOfTrades()), RupeeFormat.format(w.endEquity())};
            html.append("<tr>");
            for (int i = 0; i < cells.length; i++) {
                html.append(i >= 4 ? "<td class=\"num\">" : "<td>").append(Html.escape(cells[i])).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
        return ResearchPage.close(html, "Quantdesk walk-forward analysis. Each out-of-sample run is warmed up on its "
                + "in-sample bars without trading, starts flat with the previous window's ending equity, and values "
                + "a position still open at its end at the last close. Times are IST; amounts in rupees.");
    }

    private static void json(OutputStream out, WalkForwardResult result) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("strategy", result.strategy());
            g.writeStringField("rankBy", result.metric().label());
            g.writeStringField("inSample", result.inSample().toString());
            g.writeStringField("outOfSample", result.outOfSample().toString());
            g.writeBooleanField("anchored", result.anchored());
            number(g, "efficiency", result.efficiency());
            JsonReport.metrics(g, result.overall()); // the stitched out-of-sample performance
            g.writeArrayFieldStart("windows");
            for (WindowResult w : result.windows()) {
                g.writeStartObject();
                g.writeNumberField("number", w.window().number());
                g.writeStringField("inSampleFrom", w.window().inSampleFrom().toString());
                g.writeStringField("inSampleTo", w.window().inSampleTo().toString());
                g.writeStringField("outOfSampleFrom", w.window().outOfSampleFrom().toString());
                g.writeStringField("outOfSampleTo", w.window().outOfSampleTo().toString());
                if (w.chosen().isPresent()) {
                    SweepReport.parameters(g, w.chosen().get());
                } else {
                    g.writeNullField("parameters");
                }
                g.writeNumberField("combinationsRan", w.ran());
                g.writeNumberField("combinationsSkipped", w.skipped());
                number(g, "inSampleMetric", w.inSampleMetric());
                number(g, "outOfSampleMetric", result.metric().of(w.outOfSample()));
                JsonReport.money(g, "startEquity", w.startEquity());
                JsonReport.money(g, "endEquity", w.endEquity());
                JsonReport.metrics(g, w.outOfSample());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("curve");
            for (EquityPoint p : result.curve()) {
                g.writeStartObject();
                g.writeStringField("time", p.time().toString());
                JsonReport.money(g, "equity", p.equityPaise());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void number(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else if (Double.isNaN(value)) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
