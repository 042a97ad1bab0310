package com.quantdesk.app;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.report.HtmlReport;
import com.quantdesk.backtest.report.JsonReport;
import com.quantdesk.backtest.report.ReportData;
import com.quantdesk.backtest.report.RunTiming;
import com.quantdesk.backtest.report.RupeeFormat;
import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code quantdesk backtest}: runs a strategy over CSV or synthetic bars and reports. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest a strategy on historical or synthetic bars through the same engine that trades live.",
                "Without --data, the deterministic synthetic NSE market is used."},
        footer = {"", "Examples:",
                "  quantdesk backtest --synthetic --symbols RELIANCE",
                "  quantdesk backtest --strategy sma-cross --param fast=10 --param slow=30 --data RELIANCE.csv "
                        + "--report out.html --json out.json"})
final class BacktestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--timing", description = "Print how long reading, the engine, the metrics and the report took, "
            + "and add it to the JSON (which then differs from run to run).")
    boolean timing;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full result as JSON.")
    Path json;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StrategyDescriptor descriptor = run.descriptor();
        StrategyParameters parameters = run.parameters(descriptor);
        OutputFile.outputs().add("--report", report).add("--json", json).check();
        long readStarted = System.nanoTime();
        MarketData data = run.marketData(err);
        double readSeconds = secondsSince(readStarted);
        BacktestConfig config = run.config(descriptor, parameters, data);
        BacktestResult result;
        long engineStarted = System.nanoTime();
        long[] replayEnded = {0};
        try (TerminalProgress progress = new TerminalProgress(!noProgress, err)) {
            result = new BacktestRunner().run(config, (done, total) -> {
                progress.update(done, total);
                if (done == total) {
                    replayEnded[0] = System.nanoTime();
                }
            });
        }
        long runEnded = System.nanoTime();
        long reportStarted = runEnded;
        printSummary(out, result);
        if (report != null) {
            try {
                HtmlReport.write(report, ReportData.of(result));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + report + ": " + e.getMessage(), e);
            }
            out.println("HTML report: " + report.toAbsolutePath());
        }
        RunTiming stages = new RunTiming(data.source(), readSeconds, (replayEnded[0] - engineStarted) / 1e9,
                (runEnded - replayEnded[0]) / 1e9, secondsSince(reportStarted));
        if (json != null) {
            JsonReport.write(json, result, timing ? stages : null);
            out.println("JSON result: " + json.toAbsolutePath());
        }
        if (timing) {
            out.printf(Locale.ROOT, "Timing    read %.3f s (%s), engine %.3f s, metrics %.3f s, report %.3f s%n",
                    stages.readSeconds(), stages.barSource(), stages.engineSeconds(), stages.metricsSeconds(),
                    stages.reportSeconds());
        }
        out.flush();
        return QuantdeskCommand.OK;
    }

    private static double secondsSince(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    static void printSummary(PrintWriter out, BacktestResult r) {
        PerformanceMetrics m = r.metrics();
        out.println();
        out.printf("Backtest  %s (%s)%n", r.strategy(), parametersText(r.parameters()));
        out.printf("Symbols   %s%n", String.join(",", r.symbols().stream().map(Object::toString).toList()));
        out.printf("Period    %s  (%,d bars)%n", ReportData.period(r), r.barCount());
        out.println("-".repeat(50));
        row(out, "Initial capital", RupeeFormat.format(r.initialCapital()));
        row(out, "Final equity", RupeeFormat.format(r.finalEquity()));
        row(out, "Total return", percent(m.totalReturn()));
        row(out, "CAGR", percent(m.cagr()));
        row(out, "Annual volatility", percent(m.annualVolatility()));
        row(out, "Sharpe", number(m.sharpe()));
        row(out, "Sortino", number(m.sortino()));
        row(out, "Max drawdown", percent(-m.maxDrawdown()));
        row(out, "Max DD duration", m.maxDrawdownDuration().toDays() + " days");
        row(out, "Calmar", number(m.calmar()));
        row(out, "Trades", Long.toString(m.numberOfTrades()));
        row(out, "Win rate", percent(m.winRate()));
        row(out, "Profit factor", Double.isInfinite(m.profitFactor()) ? "∞" : number(m.profitFactor()));
        row(out, "Average win", RupeeFormat.format(m.averageWinPaise()));
        row(out, "Average loss", RupeeFormat.format(m.averageLossPaise()));
        row(out, "Exposure", percent(m.exposure()));
        row(out, "Total charges", RupeeFormat.format(m.totalChargesPaise()));
        row(out, "Orders / fills", r.orders().size() + " / " + r.fills().size());
        if (!r.denialsByReason().isEmpty()) {
            r.denialsByReason().forEach((reason, count) -> row(out, "Denied " + reason, Long.toString(count)));
        }
        out.println("-".repeat(50));
    }

    private static String parametersText(Map<String, Double> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=')
                .append(ParameterSpec.format(v)));
        return sb.toString();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-20s %28s%n", label, value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
