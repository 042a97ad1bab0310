package com.quantdesk.backtest.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.research.ParameterAxis;
import com.quantdesk.backtest.research.RankMetric;
import com.quantdesk.backtest.research.SkippedCombination;
import com.quantdesk.backtest.research.SweepResult;
import com.quantdesk.backtest.research.SweepRow;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.strategy.ParameterSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a sweep as CSV (one line per combination, in grid order), JSON (the same plus the grid and
 * the skipped combinations' reasons) or HTML (the top of the ranking and a heat map). Money is in
 * rupees with two decimals from exact paise; ratios are written as computed.
 */
public final class SweepReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SweepReport() {
    }

    /** Writes every combination as CSV to {@code file}. */
    public static void writeCsv(Path file, SweepResult result) {
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(csv(result));
            w.flush();
        });
    }

    /** Writes the sweep as JSON to {@code file}. */
    public static void writeJson(Path file, SweepResult result) {
        AtomicFile.write(file, out -> json(out, result));
    }

    /** Writes the HTML report, showing the best {@code top} combinations, to {@code file}. */
    public static void writeHtml(Path file, SweepResult result, String title, int top) {
        AtomicFile.write(file, out -> out.write(SweepHtml.render(result, title, top).getBytes(StandardCharsets.UTF_8)));
    }

    /** The CSV text: a header, then every combination in grid order, refused ones with their reason. */
    public static String csv(SweepResult result) {
        Map<Integer, Integer> ranks = ranks(result);
        List<String> names = result.grid().names();
        StringBuilder csv = new StringBuilder();
        csv.append("index,rank");
        names.forEach(n -> csv.append(',').append(n));
        csv.append(",status,trades,total_return,cagr,annual_volatility,sharpe,sortino,max_drawdown,calmar,win_rate,"
                + "profit_factor,exposure,final_equity,total_charges,orders\n");
        List<Object> lines = new ArrayList<>(result.rows());
        lines.addAll(result.skipped());
        lines.sort(Comparator.comparingInt(o -> o instanceof SweepRow r ? r.index()
                : ((SkippedCombination) o).index()));
        for (Object line : lines) {
            if (line instanceof SweepRow r) {
                PerformanceMetrics m = r.metrics();
                Integer rank = ranks.get(r.index());
                csv.append(r.index()).append(',').append(rank == null ? "" : rank.toString());
                names.forEach(n -> csv.append(',').append(ParameterSpec.format(r.parameters().get(n))));
                csv.append(rank == null ? ",too-few-trades," : ",ranked,").append(m.numberOfTrades());
                for (double v : new double[] {m.totalReturn(), m.cagr(), m.annualVolatility(), m.sharpe(),
                        m.sortino(), m.maxDrawdown(), m.calmar(), m.winRate(), m.profitFactor(), m.exposure()}) {
                    csv.append(',').append(Double.isInfinite(v) ? "Infinity" : Double.toString(v));
                }
                csv.append(',').append(Paise.toRupees(r.finalEquity()).toPlainString())
                        .append(',').append(Paise.toRupees(m.totalChargesPaise()).toPlainString())
                        .append(',').append(r.orders()).append('\n');
            } else {
                SkippedCombination s = (SkippedCombination) line;
                csv.append(s.index()).append(',');
                names.forEach(n -> csv.append(',').append(ParameterSpec.format(s.parameters().get(n))));
                csv.append(",skipped").append(",".repeat(14)).append('\n');
            }
        }
        return csv.toString();
    }

    /** The rank (1 = best) of every ranked combination, by grid index. */
    static Map<Integer, Integer> ranks(SweepResult result) {
        Map<Integer, Integer> ranks = new HashMap<>();
        List<SweepRow> ranked = result.ranked();
        for (int i = 0; i < ranked.size(); i++) {
            ranks.put(ranked.get(i).index(), i + 1);
        }
        return ranks;
    }

    /** A value of {@code metric} as the reports show it: a percentage or a ratio. */
    static String format(RankMetric metric, double value) {
        return switch (metric) {
            case RETURN, CAGR, WIN_RATE, MAX_DRAWDOWN -> ReportFormat.percent(value);
            case SHARPE, SORTINO, CALMAR, PROFIT_FACTOR -> ReportFormat.ratio(value);
        };
    }

    private static void json(OutputStream out, SweepResult result) throws IOException {
        Map<Integer, Integer> ranks = ranks(result);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("strategy", result.strategy());
            g.writeStringField("rankBy", result.metric().label());
            g.writeNumberField("minTrades", result.minTrades());
            g.writeNumberField("combinations", result.rows().size() + result.skipped().size());
            g.writeNumberField("ran", result.rows().size());
            g.writeNumberField("skipped", result.skipped().size());
            g.writeObjectFieldStart("grid");
            for (ParameterAxis axis : result.grid().axes()) {
                g.writeArrayFieldStart(axis.name());
                for (double v : axis.values()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (SweepRow r : result.rows()) {
                g.writeStartObject();
                g.writeNumberField("index", r.index());
                Integer rank = ranks.get(r.index());
                if (rank == null) {
                    g.writeNullField("rank");
                } else {
                    g.writeNumberField("rank", rank);
                }
                parameters(g, r.parameters());
                JsonReport.money(g, "finalEquity", r.finalEquity());
                g.writeNumberField("orders", r.orders());
                JsonReport.metrics(g, r.metrics());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("skippedCombinations");
            for (SkippedCombination s : result.skipped()) {
                g.writeStartObject();
                g.writeNumberField("index", s.index());
                parameters(g, s.parameters());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void parameters(JsonGenerator g, Map<String, Double> parameters) throws IOException {
        g.writeObjectFieldStart("parameters");
        for (Map.Entry<String, Double> p : parameters.entrySet()) {
            g.writeNumberField(p.getKey(), p.getValue());
        }
        g.writeEndObject();
    }
}
