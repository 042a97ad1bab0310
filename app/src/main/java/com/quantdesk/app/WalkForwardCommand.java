package com.quantdesk.app;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.report.RupeeFormat;
import com.quantdesk.backtest.report.WalkForwardReport;
import com.quantdesk.backtest.research.Grid;
import com.quantdesk.backtest.research.RankMetric;
import com.quantdesk.backtest.research.Sweep;
import com.quantdesk.backtest.research.WalkForward;
import com.quantdesk.backtest.research.WalkForwardResult;
import com.quantdesk.backtest.research.WindowResult;
import com.quantdesk.backtest.research.Windows;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk walkforward}: optimise in sample, test out of sample, window after window. */
@Command(name = "walkforward", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Walk-forward analysis: sweep the grid on each in-sample window, trade the best parameters "
                + "on the out-of-sample window after it, and stitch the out-of-sample results together.",
                "Windows are cut on calendar boundaries in IST from the first bar's day (docs/research.md)."},
        footer = {"", "Examples:",
                "  quantdesk walkforward --grid fast=5..50:5 --grid slow=20..200:10 --in-sample 2y --out-of-sample 6m "
                        + "--data RELIANCE.csv",
                "  quantdesk walkforward --grid fast=5,10,20 --grid slow=50,100 --in-sample 1y --out-of-sample 3m "
                        + "--anchored --rank-by calmar --html wf.html"})
final class WalkForwardCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--grid", paramLabel = "NAME=SPEC", required = true,
            description = "Parameter to optimise, repeatable: NAME=FROM..TO:STEP or NAME=A,B,C.")
    List<String> grid;

    @Option(names = "--in-sample", paramLabel = "SPAN", required = true,
            description = "In-sample span: <n>y, <n>m (months), <n>w or <n>d, e.g. 2y.")
    String inSample;

    @Option(names = "--out-of-sample", paramLabel = "SPAN", required = true,
            description = "Out-of-sample span, e.g. 6m (months).")
    String outOfSample;

    @Option(names = "--anchored", description = "Every in-sample window starts at the first bar (growing) "
            + "instead of rolling forward.")
    boolean anchored;

    @CommandLine.Mixin
    ResearchOptions research = new ResearchOptions();

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--json", paramLabel = "FILE", description = "Write every window and the stitched curve as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report: stitched equity and the windows.")
    Path html;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Period is = span("--in-sample", inSample);
        Period oos = span("--out-of-sample", outOfSample);
        StrategyDescriptor descriptor = run.descriptor();
        Grid parsed = research.grid(grid, descriptor);
        Map<String, String> fixed = research.fixedParameters(run, descriptor, parsed);
        RankMetric metric = research.metric();
        OutputFile.outputs().add("--json", json).add("--html", html).check();
        MarketData data = run.marketData(err);
        BacktestConfig template = run.config(descriptor, StrategyParameters.defaults(descriptor.parameters()), data);
        WalkForward walk = new WalkForward(new Sweep(template, fixed, parsed, metric, research.minTrades()), is, oos,
                anchored);
        try {
            walk.windows();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--in-sample/--out-of-sample: " + e.getMessage(), e);
        }
        WalkForwardResult result;
        try (TerminalProgress progress = new TerminalProgress(!research.noProgress, "Walk-forward", " runs")) {
            result = walk.run(research.threads(), progress);
        }
        print(out, result);
        if (json != null) {
            WalkForwardReport.writeJson(json, result);
            out.println("JSON: " + json.toAbsolutePath());
        }
        if (html != null) {
            WalkForwardReport.writeHtml(html, result, "Walk-forward: " + descriptor.name());
            out.println("HTML report: " + html.toAbsolutePath());
        }
        out.flush();
        return QuantdeskCommand.OK;
    }

    private static Period span(String option, String text) {
        try {
            return Windows.parseSpan(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage(), e);
        }
    }

    private static void print(PrintWriter out, WalkForwardResult r) {
        RankMetric metric = r.metric();
        out.println();
        out.printf("Walk-forward  %s, %s windows, in-sample %s, out-of-sample %s, ranked by %s%n", r.strategy(),
                r.anchored() ? "anchored" : "rolling", r.inSample(), r.outOfSample(), metric.label());
        String header = String.format(Locale.ROOT, "%3s  %-23s  %-23s  %-28s %9s %9s %16s", "#", "in sample",
                "out of sample", "chosen", "IS", "OOS", "end equity");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (WindowResult w : r.windows()) {
            out.println(String.format(Locale.ROOT, "%3d  %-23s  %-23s  %-28s %9s %9s %16s", w.window().number(),
                    WalkForwardReport.day(w.window().inSampleFrom()) + ".."
                            + WalkForwardReport.day(w.window().inSampleTo().minusNanos(1)),
                    WalkForwardReport.day(w.window().outOfSampleFrom()) + ".."
                            + WalkForwardReport.day(w.window().outOfSampleTo().minusNanos(1)),
                    WalkForwardReport.parameters(w), WalkForwardReport.metric(metric, w.inSampleMetric()),
                    WalkForwardReport.metric(metric, metric.of(w.outOfSample())), RupeeFormat.format(w.endEquity())));
        }
        PerformanceMetrics m = r.overall();
        out.println("-".repeat(header.length()));
        out.printf(Locale.ROOT, "Out of sample: return %.2f%%, CAGR %.2f%%, Sharpe %.2f, max drawdown %.2f%%, "
                        + "%d trades, final equity %s%n", m.totalReturn() * 100, m.cagr() * 100, m.sharpe(),
                m.maxDrawdown() * 100, m.numberOfTrades(), RupeeFormat.format(m.finalEquityPaise()));
        out.println("Efficiency (mean OOS / mean IS " + metric.label() + "): "
                + (Double.isNaN(r.efficiency()) ? "n/a (in-sample mean not positive)"
                : String.format(Locale.ROOT, "%.2f", r.efficiency())));
    }
}
