package com.quantdesk.app;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.venue.VenueConfig;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options every command that backtests shares ({@code backtest}, {@code sweep},
 * {@code walkforward}): the strategy, the data, the venue, charges and risk, and how they become a
 * {@link BacktestConfig}.
 */
final class RunOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "sma-cross",
            description = "Strategy to run (see 'quantdesk strategies'); with --strategy-file, which of the "
                    + "file's strategies. Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--strategy-file", paramLabel = "FILE",
            description = "Compile and run your own strategy from a Java file (see 'quantdesk strategy new').")
    java.nio.file.Path strategyFile;

    @Option(names = "--strategies-dir", paramLabel = "DIR",
            description = "Folder of strategy jars found through ServiceLoader. Default: strategies.")
    java.nio.file.Path strategiesDir;

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

    /** The strategy named by --strategy: a built-in, one of a strategy jar's, or one of --strategy-file's. */
    StrategyDescriptor descriptor() {
        return StrategyChoice.choose(strategy, spec.commandLine().getParseResult().hasMatchedOption("--strategy"),
                strategyFile, strategiesDir);
    }

    /** The --param values with --qty folded in, as text, not yet resolved. */
    Map<String, String> givenParameters(StrategyDescriptor descriptor) {
        Map<String, String> given = new LinkedHashMap<>(params);
        if (quantity != null) {
            if (params.containsKey("qty")) {
                throw new UsageException("--qty and --param qty=... both given; use one");
            }
            if (descriptor.parameters().stream().noneMatch(p -> p.name().equals("qty"))) {
                throw new UsageException("--qty: strategy " + descriptor.name() + " has no qty parameter");
            }
            given.put("qty", Long.toString(quantity));
            try {
                StrategyParameters.resolve(descriptor.parameters(), Map.of("qty", Long.toString(quantity)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--qty: " + e.getMessage(), e);
            }
        }
        return given;
    }

    /** The given parameters resolved and accepted by the strategy. */
    StrategyParameters parameters(StrategyDescriptor descriptor) {
        try {
            StrategyParameters resolved = StrategyParameters.resolve(descriptor.parameters(),
                    givenParameters(descriptor));
            descriptor.create(resolved); // cross-parameter checks (e.g. fast < slow) happen in the factory
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--param: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the CSV files, or generates the synthetic market; notes go to {@code err}. The venue, capital
     * and risk options are checked first, so a typo fails before any data is read.
     */
    MarketData marketData(PrintWriter err) {
        rejectSyntheticOptionsWithFiles();
        capitalPaise();
        venueConfig();
        riskFree();
        riskLimits();
        MarketData.CsvOptions csv = new MarketData.CsvOptions(skipBadRows, ohlcFix(), !noCache);
        MarketData data = source.files != null
                ? MarketData.load(source.files, csv)
                : MarketData.synthetic(MarketData.parseSymbols(symbols), from, to, MarketData.parseBarSize(bar), seed);
        data.notes().forEach(note -> err.println("note: " + note));
        return data;
    }

    private com.quantdesk.sim.data.OhlcFix ohlcFix() {
        for (com.quantdesk.sim.data.OhlcFix fix : com.quantdesk.sim.data.OhlcFix.values()) {
            if (fix.optionName().equals(ohlcFix.trim().toLowerCase(java.util.Locale.ROOT))) {
                return fix;
            }
        }
        throw new UsageException("--ohlc-fix: must be strict or clamp, was '" + ohlcFix + "'");
    }

    /** The run of {@code parameters} over {@code data} with the venue, charge and risk options. */
    BacktestConfig config(StrategyDescriptor descriptor, StrategyParameters parameters, MarketData data) {
        long capitalPaise = capitalPaise();
        VenueConfig venue = venueConfig();
        riskFree();
        Optional<RiskLimits> limits = riskLimits();
        try {
            return new BacktestConfig(descriptor, parameters, data.bars(), data.instruments(), capitalPaise, venue,
                    noCharges ? Optional.empty() : Optional.of(ChargeRates.zerodhaNse()), riskFree, List.of(),
                    limits);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
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

    private void riskFree() {
        if (!Double.isFinite(riskFree) || riskFree <= -1) {
            throw new UsageException("--risk-free: must be a fraction above -1 (e.g. 0.065), was " + plain(riskFree));
        }
    }

    /** The venue's fill rules from the options, each checked under the option's own name. */
    private VenueConfig venueConfig() {
        if (slippageBps < 0 || slippageBps > 10_000) {
            throw new UsageException("--slippage-bps: must be within 0..10000, was " + slippageBps);
        }
        if (!(volumeCap >= 0 && volumeCap <= 1)) {
            throw new UsageException("--volume-cap: must be within 0..1 (0 = no cap), was " + plain(volumeCap));
        }
        return VenueConfig.defaults().withSlippageBps(slippageBps).withVolumeParticipation(volumeCap);
    }

    /** A number as a person would write it: 2 rather than 2.0. */
    private static String plain(double value) {
        return Double.isFinite(value) ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    private long capitalPaise() {
        if (capital.signum() <= 0) {
            throw new UsageException("--capital: must be positive, was " + capital.toPlainString());
        }
        if (capital.stripTrailingZeros().scale() > 2) {
            throw new UsageException("--capital: rupees with at most two decimals (whole paise), was "
                    + capital.toPlainString());
        }
        try {
            return Paise.fromRupees(capital);
        } catch (ArithmeticException e) {
            throw new UsageException("--capital: " + capital.toPlainString() + " rupees is too large", e);
        }
    }
}
