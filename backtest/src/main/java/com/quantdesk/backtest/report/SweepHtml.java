package com.quantdesk.backtest.report;

import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.research.RankMetric;
import com.quantdesk.backtest.research.SweepResult;
import com.quantdesk.backtest.research.SweepRow;
import com.quantdesk.core.strategy.ParameterSpec;
import java.util.List;

/** The HTML page of a sweep: headline figures, the heat map and the top of the ranking. */
final class SweepHtml {

    private SweepHtml() {
    }

    /** The page; the same result always gives the same text. */
    static String render(SweepResult result, String title, int top) {
        RankMetric metric = result.metric();
        List<SweepRow> ranked = result.ranked();
        int combinations = result.rows().size() + result.skipped().size();
        StringBuilder html = ResearchPage.open(title, result.strategy() + ", " + combinations
                + " combinations ranked by " + metric.label() + (result.minTrades() > 0
                ? " (at least " + result.minTrades() + " trades)" : ""));
        html.append("<div class=\"cards\">\n");
        ResearchPage.card(html, "Combinations", Integer.toString(combinations));
        ResearchPage.card(html, "Ran", Integer.toString(result.rows().size()));
        ResearchPage.card(html, "Skipped", Integer.toString(result.skipped().size()));
        ResearchPage.card(html, "Ranked", Integer.toString(ranked.size()));
        ResearchPage.card(html, "Best " + metric.label(), ranked.isEmpty() ? "–"
                : SweepReport.format(metric, metric.of(ranked.getFirst().metrics())));
        ResearchPage.card(html, "Best return", ranked.isEmpty() ? "–"
                : ReportFormat.percent(ranked.getFirst().metrics().totalReturn()));
        html.append("</div>\n<section>\n<h2>").append(Html.escape(metric.label()))
                .append(" by parameters</h2>\n").append(HeatMap.render(result)).append("</section>\n");
        table(html, result, ranked.subList(0, Math.min(top, ranked.size())));
        return ResearchPage.close(html, "Quantdesk parameter sweep. Hover a cell for its figures; pale cells had "
                + "too few trades to rank, grey ones were refused by the strategy.");
    }

    private static void table(StringBuilder html, SweepResult result, List<SweepRow> rows) {
        html.append("<section>\n<h2>Top ").append(rows.size()).append("</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">No combination had enough trades to be ranked.</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"trades\">\n<thead><tr><th class=\"num\">#</th>");
        result.grid().names().forEach(n -> html.append("<th class=\"num\">").append(Html.escape(n)).append("</th>"));
        html.append("<th class=\"num\">Return</th><th class=\"num\">CAGR</th><th class=\"num\">Sharpe</th>")
                .append("<th class=\"num\">Max DD</th><th class=\"num\">Calmar</th><th class=\"num\">PF</th>")
                .append("<th class=\"num\">Trades</th><th class=\"num\">Final equity</th></tr></thead>\n<tbody>\n");
        int rank = 1;
        for (SweepRow row : rows) {
            PerformanceMetrics m = row.metrics();
            html.append(rank == 1 ? "<tr class=\"best\">" : "<tr>").append("<td class=\"num\">").append(rank++)
                    .append("</td>");
            result.grid().names().forEach(n -> html.append("<td class=\"num\">")
                    .append(ParameterSpec.format(row.parameters().get(n))).append("</td>"));
            for (String cell : new String[] {ReportFormat.percent(m.totalReturn()), ReportFormat.percent(m.cagr()),
                    ReportFormat.ratio(m.sharpe()), ReportFormat.percent(m.maxDrawdown()),
                    ReportFormat.ratio(m.calmar()), ReportFormat.ratio(m.profitFactor()),
                    Long.toString(m.numberOfTrades()), RupeeFormat.format(row.finalEquity())}) {
                html.append("<td class=\"num\">").append(Html.escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }
}
