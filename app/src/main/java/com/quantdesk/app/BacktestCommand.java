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
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.data.OhlcFix;
import com.quantdesk.sim.venue.VenueConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
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

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "sma-cross",
            description = "Strategy to run (see 'quantdesk strategies'). Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Strategy parameter, repeatable, e.g. --param fast=10 --param slow=30.")
    Map<String, String> params = new LinkedHashMap<>();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source = new Source();

    static final class Source {
        @Option(names = "--data", paramLabel = "FILE", arity = "1..*",
                description = "CSV bar files, one per symbol (symbol = file name, e.g. RELIANCE.csv).")
        List<Path> files;

        @Option(names = "--synthetic", description = "Use the synthetic market (the default without --data).")
        boolean synthetic;
    }

    @Option(names = "--symbols", paramLabel = "LIST", defaultValue = "RELIANCE",
            description = "Synthetic market symbols, comma-separated. Default: ${DEFAULT-VALUE}.")
    String symbols;

    @Option(names = "--from", paramLabel = "DATE", defaultValue = "2022-01-03",
            description = "First synthetic trading day (yyyy-mm-dd). Default: ${DEFAULT-VALUE}.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", defaultValue = "2025-12-31",
            description = "Last synthetic trading day. Default: ${DEFAULT-VALUE}.")
    LocalDate to;

    @Option(names = "--bar", paramLabel = "SIZE", defaultValue = "1d",
            description = "Synthetic bar size: 1d, 1m, 5m, 15m, 1h... Default: ${DEFAULT-VALUE}.")
    String bar;

    @Option(names = "--seed", defaultValue = "42", description = "Synthetic market seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--capital", paramLabel = "RUPEES", defaultValue = "1000000",
            description = "Starting capital in rupees. Default: ${DEFAULT-VALUE}.")
    BigDecimal capital;

    @Option(names = "--qty", paramLabel = "SHARES", description = "Shares per entry (the strategy's qty parameter).")
    Long quantity;

    @Option(names = "--slippage-bps", defaultValue = "0",
            description = "Adverse slippage on market fills, basis points. Default: ${DEFAULT-VALUE}.")
    int slippageBps;

    @Option(names = "--volume-cap", paramLabel = "FRACTION", defaultValue = "0",
            description = "Largest share of a bar's volume to trade (0 = no cap); partial fills beyond it.")
    double volumeCap;

    @Option(names = "--no-charges", description = "Ignore brokerage, taxes and fees (commission-free reference run).")
    boolean noCharges;

    @Option(names = "--risk-free", paramLabel = "RATE", defaultValue = "0",
            description = "Annual risk-free rate for Sharpe/Sortino, as a fraction (e.g. 0.065). Default: ${DEFAULT-VALUE}.")
    double riskFree;

    @Option(names = "--risk", paramLabel = "KEY=VALUE",
            description = "Risk limit, repeatable, e.g. --risk maxOrderValue=500000 (keys in docs/risk.md).")
    Map<String, String> risk = new LinkedHashMap<>();

    @Option(names = "--no-risk", description = "Run without the pre-trade risk engine.")
    boolean noRisk;

    @Option(names = "--skip-bad-rows", description = "Skip malformed CSV rows (reported) instead of stopping.")
    boolean skipBadRows;

    @Option(names = "--ohlc-fix", paramLabel = "MODE", defaultValue = "strict",
            description = "CSV rows with open or close outside high-low: strict (an error) or clamp (widen high and "
                    + "low to contain them, counted in a note). Default: ${DEFAULT-VALUE}.")
    String ohlcFix;

    @Option(names = "--no-cache", description = "Parse the CSV files without the bar cache kept beside each "
            + "(.NAME.csv.qdbars), and do not write it.")
    boolean noCache;

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
        rejectSyntheticOptionsWithFiles();
        StrategyDescriptor descriptor = catalog(strategy);
        StrategyParameters parameters = parameters(descriptor);
        long capitalPaise = capitalPaise();
        long readStarted = System.nanoTime();
        MarketData data = source.files != null
                ? MarketData.load(source.files, new MarketData.CsvOptions(skipBadRows, ohlcFix(), !noCache))
                : MarketData.synthetic(MarketData.parseSymbols(symbols), from, to, MarketData.parseBarSize(bar), seed);
        double readSeconds = secondsSince(readStarted);
        data.notes().forEach(note -> err.println("note: " + note));
        BacktestConfig config;
        if (!Double.isFinite(riskFree) || riskFree <= -1) {
            throw new UsageException("--risk-free must be a fraction above -1 (e.g. 0.065), was " + riskFree);
        }
        Optional<RiskLimits> limits = riskLimits();
        try {
            config = new BacktestConfig(descriptor, parameters, data.bars(), data.instruments(), capitalPaise,
                    VenueConfig.defaults().withSlippageBps(slippageBps).withVolumeParticipation(volumeCap),
                    noCharges ? Optional.empty() : Optional.of(ChargeRates.zerodhaNse()), riskFree, List.of(),
                    limits);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
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

    private OhlcFix ohlcFix() {
        for (OhlcFix fix : OhlcFix.values()) {
            if (fix.optionName().equals(ohlcFix.trim().toLowerCase(Locale.ROOT))) {
                return fix;
            }
        }
        throw new UsageException("--ohlc-fix must be strict or clamp, was '" + ohlcFix + "'");
    }

    private static double secondsSince(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The synthetic market's options mean nothing with --data; silently ignoring them would mislead. */
    private void rejectSyntheticOptionsWithFiles() {
        if (source.files == null) {
            return;
        }
        for (String option : List.of("--symbols", "--from", "--to", "--bar", "--seed")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UsageException(option + " applies to the synthetic market only; with --data each "
                        + "file's name is its symbol and its rows are the period");
            }
        }
    }

    private Optional<RiskLimits> riskLimits() {
        if (noRisk) {
            if (!risk.isEmpty()) {
                throw new UsageException("--risk and --no-risk both given; use one");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(BacktestConfig.backtestRiskLimits().with(risk));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--risk: " + e.getMessage(), e);
        }
    }

    private static StrategyDescriptor catalog(String name) {
        try {
            return StrategyCatalog.builtIns().get(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--strategy: " + e.getMessage(), e);
        }
    }

    private StrategyParameters parameters(StrategyDescriptor descriptor) {
        Map<String, String> given = new LinkedHashMap<>(params);
        if (quantity != null) {
            if (params.containsKey("qty")) {
                throw new UsageException("--qty and --param qty=... both given; use one");
            }
            if (descriptor.parameters().stream().noneMatch(p -> p.name().equals("qty"))) {
                throw new UsageException("--qty: strategy " + descriptor.name() + " has no qty parameter");
            }
            given.put("qty", Long.toString(quantity));
        }
        try {
            StrategyParameters resolved = StrategyParameters.resolve(descriptor.parameters(), given);
            descriptor.create(resolved); // cross-parameter checks (e.g. fast < slow) happen in the factory
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--param: " + e.getMessage(), e);
        }
    }

    private long capitalPaise() {
        if (capital.signum() <= 0) {
            throw new UsageException("--capital must be positive, was " + capital.toPlainString());
        }
        try {
            return Paise.fromRupees(capital);
        } catch (ArithmeticException e) {
            throw new UsageException("--capital " + capital.toPlainString() + " is too large", e);
        }
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

    /** The run's span in IST: dates for daily bars (stamped 09:15), date and time otherwise. */
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
