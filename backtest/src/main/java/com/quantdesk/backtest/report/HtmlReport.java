package com.quantdesk.backtest.report;

import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A backtest report as one self-contained HTML file: inline CSS, charts as inline SVG, no scripts,
 * fonts or anything else fetched over the network, so it opens the same offline and years later.
 *
 * <p>Every piece of text from {@link ReportData} is HTML-escaped. Times are shown in IST.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * Renders {@code data} and writes it to {@code file} as UTF-8, creating missing parent
     * directories and replacing an existing file.
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, ReportData data) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(data), StandardCharsets.UTF_8);
    }

    /** The report as an HTML document; the same data always gives the same text. */
    public static String render(ReportData data) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(data.title())).append("</title>\n")
                .append("<style>\n").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<header>\n<h1>").append(Html.escape(data.title())).append("</h1>\n")
                .append("<p class=\"subtitle\">").append(Html.escape(data.subtitle())).append("</p>\n</header>\n");
        headline(html, data.metrics());
        html.append("<section>\n<h2>Equity</h2>\n").append(ReportCharts.equity(data.curve())).append("</section>\n")
                .append("<section>\n<h2>Drawdown</h2>\n").append(ReportCharts.drawdown(data.curve()))
                .append("</section>\n");
        performance(html, data.metrics());
        html.append("<div class=\"columns\">\n");
        keyValues(html, "Parameters", data.parameters(), "No parameters.");
        activity(html, data);
        html.append("</div>\n");
        trades(html, data);
        html.append("<footer>Quantdesk backtest report. Times are IST (Asia/Kolkata); amounts in rupees.</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void headline(StringBuilder html, PerformanceMetrics m) {
        html.append("<div class=\"cards\">\n");
        card(html, "Total return", ReportFormat.percent(m.totalReturn()), m.totalReturn());
        card(html, "CAGR", ReportFormat.percent(m.cagr()), m.cagr());
        card(html, "Sharpe", ReportFormat.ratio(m.sharpe()), m.sharpe());
        card(html, "Max drawdown", ReportFormat.percent(m.maxDrawdown()), -m.maxDrawdown());
        card(html, "Final equity", RupeeFormat.format(m.finalEquityPaise()), 0);
        card(html, "Trades", Long.toString(m.numberOfTrades()), 0);
        html.append("</div>\n");
    }

    private static void card(StringBuilder html, String label, String value, double sign) {
        html.append("<div class=\"card\"><div class=\"label\">").append(label)
                .append("</div><div class=\"value").append(signClass(sign)).append("\">")
                .append(Html.escape(value)).append("</div></div>\n");
    }

    private static void performance(StringBuilder html, PerformanceMetrics m) {
        html.append("<section>\n<h2>Performance</h2>\n<div class=\"metrics\">\n");
        metricTable(html, "Returns", new String[][] {
                {"Start equity", RupeeFormat.format(m.startEquityPaise())},
                {"Final equity", RupeeFormat.format(m.finalEquityPaise())},
                {"Total return", ReportFormat.percent(m.totalReturn())},
                {"CAGR", ReportFormat.percent(m.cagr())},
                {"Exposure", ReportFormat.percent(m.exposure())},
                {"Total charges", RupeeFormat.format(m.totalChargesPaise())}});
        metricTable(html, "Risk", new String[][] {
                {"Annual volatility", ReportFormat.percent(m.annualVolatility())},
                {"Sharpe ratio", ReportFormat.ratio(m.sharpe())},
                {"Sortino ratio", ReportFormat.ratio(m.sortino())},
                {"Max drawdown", ReportFormat.percent(m.maxDrawdown())},
                {"Max drawdown duration", ReportFormat.duration(m.maxDrawdownDuration())},
                {"Calmar ratio", ReportFormat.ratio(m.calmar())}});
        metricTable(html, "Trades", new String[][] {
                {"Closed trades", Long.toString(m.numberOfTrades())},
                {"Win rate", ReportFormat.percent(m.winRate())},
                {"Profit factor", ReportFormat.ratio(m.profitFactor())},
                {"Average win", RupeeFormat.format(m.averageWinPaise())},
                {"Average loss", RupeeFormat.format(m.averageLossPaise())}});
        html.append("</div>\n</section>\n");
    }

    private static void metricTable(StringBuilder html, String caption, String[][] rows) {
        html.append("<table class=\"kv\">\n<caption>").append(caption).append("</caption>\n");
        for (String[] row : rows) {
            html.append("<tr><th>").append(row[0]).append("</th><td class=\"num\">")
                    .append(Html.escape(row[1])).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void keyValues(StringBuilder html, String heading, Map<String, String> values, String none) {
        html.append("<section>\n<h2>").append(heading).append("</h2>\n");
        if (values.isEmpty()) {
            html.append("<p class=\"empty\">").append(none).append("</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"kv\">\n");
        values.forEach((key, value) -> html.append("<tr><th>").append(Html.escape(key)).append("</th><td>")
                .append(Html.escape(value)).append("</td></tr>\n"));
        html.append("</table>\n</section>\n");
    }

    private static void activity(StringBuilder html, ReportData data) {
        long denied = data.denialsByReason().values().stream().mapToLong(Long::longValue).sum();
        html.append("<section>\n<h2>Orders</h2>\n<table class=\"kv\">\n")
                .append("<tr><th>Orders submitted</th><td class=\"num\">").append(data.orderCount()).append("</td></tr>\n")
                .append("<tr><th>Fills</th><td class=\"num\">").append(data.fillCount()).append("</td></tr>\n")
                .append("<tr><th>Denied by risk checks</th><td class=\"num\">").append(denied).append("</td></tr>\n")
                .append("</table>\n");
        if (!data.denialsByReason().isEmpty()) {
            html.append("<table class=\"kv denials\">\n<caption>Denials by reason</caption>\n");
            data.denialsByReason().forEach((reason, count) -> html.append("<tr><th>").append(Html.escape(reason))
                    .append("</th><td class=\"num\">").append(count).append("</td></tr>\n"));
            html.append("</table>\n");
        }
        html.append("</section>\n");
    }

    private static void trades(StringBuilder html, ReportData data) {
        html.append("<section>\n<h2>Trades <span class=\"count\">").append(data.trades().size())
                .append("</span></h2>\n");
        if (data.trades().isEmpty()) {
            html.append("<p class=\"empty\">No closed trades.</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"scroll\">\n<table class=\"trades\">\n<thead><tr><th>Symbol</th><th>Direction</th>")
                .append("<th class=\"num\">Qty</th><th>Entry time</th><th class=\"num\">Entry price</th>")
                .append("<th>Exit time</th><th class=\"num\">Exit price</th><th class=\"num\">Gross</th>")
                .append("<th class=\"num\">Charges</th><th class=\"num\">Net</th></tr></thead>\n<tbody>\n");
        for (RoundTrip t : data.trades()) {
            html.append("<tr><td>").append(Html.escape(t.symbol().value())).append("</td><td>")
                    .append(t.direction() == Side.BUY ? "Long" : "Short").append("</td><td class=\"num\">")
                    .append(t.quantity()).append("</td><td>").append(ReportFormat.dateTime(t.entryTime()))
                    .append("</td><td class=\"num\">").append(RupeeFormat.format(t.entryPricePaise()))
                    .append("</td><td>").append(ReportFormat.dateTime(t.exitTime()))
                    .append("</td><td class=\"num\">").append(RupeeFormat.format(t.exitPricePaise()))
                    .append("</td><td class=\"num").append(signClass(t.grossPnlPaise())).append("\">")
                    .append(RupeeFormat.format(t.grossPnlPaise())).append("</td><td class=\"num\">")
                    .append(RupeeFormat.format(t.chargesPaise())).append("</td><td class=\"num")
                    .append(signClass(t.netPnlPaise())).append("\">").append(RupeeFormat.format(t.netPnlPaise()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static String signClass(double value) {
        return value > 0 ? " pos" : value < 0 ? " neg" : "";
    }
}
