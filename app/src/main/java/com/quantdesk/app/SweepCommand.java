package com.quantdesk.app;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.report.RupeeFormat;
import com.quantdesk.backtest.report.SweepReport;
import com.quantdesk.backtest.research.Grid;
import com.quantdesk.backtest.research.RankMetric;
import com.quantdesk.backtest.research.Sweep;
import com.quantdesk.backtest.research.SweepResult;
import com.quantdesk.backtest.research.SweepRow;
import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk sweep}: backtests every combination of a parameter grid and ranks them. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest every combination of a parameter grid on all cores and rank them by a metric.",
                "The bars are read once and shared; the table is the same for any number of threads."},
        footer = {"", "Examples:",
                "  quantdesk sweep --grid fast=5..50:5 --grid slow=20..200:10 --data RELIANCE.csv --html sweep.html",
                "  quantdesk sweep --strategy rsi-reversion --grid period=7,14,21 --rank-by calmar --min-trades 10"})
final class SweepCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--grid", paramLabel = "NAME=SPEC", required = true,
            description = "Parameter to sweep, repeatable: NAME=FROM..TO:STEP (step 1 if left out) or NAME=A,B,C.")
    List<String> grid;

    @CommandLine.Mixin
    ResearchOptions research = new ResearchOptions();

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Combinations to print, best first. Default: ${DEFAULT-VALUE}.")
    int top;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every combination with its metrics as CSV.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write every combination with its metrics as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report with a heat map of two parameters.")
    Path html;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1) {
            throw new UsageException("--top must be at least 1, was " + top);
        }
        StrategyDescriptor descriptor = run.descriptor();
        Grid parsed = research.grid(grid, descriptor);
        Map<String, String> fixed = research.fixedParameters(run, descriptor, parsed);
        OutputFile.outputs().add("--csv", csv).add("--json", json).add("--html", html).check();
        MarketData data = run.marketData(err);
        BacktestConfig template = run.config(descriptor, StrategyParameters.defaults(descriptor.parameters()), data);
        Sweep sweep = new Sweep(template, fixed, parsed, research.metric(), research.minTrades());
        long started = System.nanoTime();
        SweepResult result;
        try (TerminalProgress progress = new TerminalProgress(!research.noProgress, "Sweep", " runs")) {
            result = sweep.run(research.threads(), progress);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        print(out, result, top);
        out.printf(Locale.ROOT, "%d backtests in %.1f s on %d threads%n", result.rows().size(), seconds,
                research.threads());
        if (csv != null) {
            SweepReport.writeCsv(csv, result);
            out.println("CSV: " + csv.toAbsolutePath());
        }
        if (json != null) {
            SweepReport.writeJson(json, result);
            out.println("JSON: " + json.toAbsolutePath());
        }
        if (html != null) {
            SweepReport.writeHtml(html, result, "Sweep: " + descriptor.name(), top);
            out.println("HTML report: " + html.toAbsolutePath());
        }
        out.flush();
        return QuantdeskCommand.OK;
    }

    static void print(PrintWriter out, SweepResult result, int top) {
        int combinations = result.rows().size() + result.skipped().size();
        List<SweepRow> ranked = result.ranked();
        out.println();
        out.printf("Sweep     %s, %d combinations: %d ran, %d skipped, %d ranked by %s%s%n", result.strategy(),
                combinations, result.rows().size(), result.skipped().size(), ranked.size(), result.metric().label(),
                result.minTrades() > 0 ? " (min " + result.minTrades() + " trades)" : "");
        if (!result.skipped().isEmpty()) {
            out.println("Skipped   " + result.skipped().size() + " refused by the strategy, e.g. "
                    + result.skipped().getFirst().reason());
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%4s", "#"));
        result.grid().names().forEach(n -> header.append(String.format(Locale.ROOT, " %8s", n)));
        header.append(String.format(Locale.ROOT, " %9s %8s %7s %8s %7s %6s %7s %16s", "return", "cagr", "sharpe",
                "max-dd", "calmar", "pf", "trades", "final equity"));
        out.println(header);
        out.println("-".repeat(header.length()));
        int shown = Math.min(top, ranked.size());
        for (int i = 0; i < shown; i++) {
            SweepRow row = ranked.get(i);
            PerformanceMetrics m = row.metrics();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4d", i + 1));
            result.grid().names().forEach(n -> line.append(String.format(Locale.ROOT, " %8s",
                    ParameterSpec.format(row.parameters().get(n)))));
            line.append(String.format(Locale.ROOT, " %8.2f%% %7.2f%% %7.2f %7.2f%% %7.2f %6s %7d %16s",
                    m.totalReturn() * 100, m.cagr() * 100, m.sharpe(), m.maxDrawdown() * 100, m.calmar(),
                    Double.isInfinite(m.profitFactor()) ? "∞" : String.format(Locale.ROOT, "%.2f", m.profitFactor()),
                    m.numberOfTrades(), RupeeFormat.format(row.finalEquity())));
            out.println(line);
        }
        if (ranked.isEmpty()) {
            out.println("No combination had enough trades to be ranked.");
        }
    }
}
