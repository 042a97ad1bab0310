package com.quantdesk.app;

import com.quantdesk.backtest.research.Grid;
import com.quantdesk.backtest.research.ParameterAxis;
import com.quantdesk.backtest.research.RankMetric;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code sweep} and {@code walkforward} share: ranking, threads, progress. */
final class ResearchOptions {

    @Option(names = "--rank-by", paramLabel = "METRIC", defaultValue = "sharpe",
            description = "Metric to rank by: sharpe, sortino, return, cagr, calmar, profit-factor, win-rate, "
                    + "max-drawdown. Default: ${DEFAULT-VALUE}.")
    String rankBy;

    @Option(names = "--min-trades", paramLabel = "N", defaultValue = "1",
            description = "Fewest closed trades a combination needs to be ranked. Default: ${DEFAULT-VALUE}.")
    long minTrades;

    @Option(names = "--threads", paramLabel = "N",
            description = "Backtests to run at once. Default: the number of processors.")
    Integer threads;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    boolean noProgress;

    RankMetric metric() {
        try {
            return RankMetric.parse(rankBy);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rank-by: " + e.getMessage(), e);
        }
    }

    long minTrades() {
        if (minTrades < 0) {
            throw new UsageException("--min-trades must not be negative, was " + minTrades);
        }
        return minTrades;
    }

    int threads() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, was " + threads);
        }
        return threads;
    }

    /** The --grid values parsed and checked against the strategy's parameters. */
    Grid grid(List<String> texts, StrategyDescriptor descriptor) {
        List<ParameterAxis> axes = new ArrayList<>();
        for (String text : texts) {
            try {
                axes.add(ParameterAxis.parse(text, Grid.MAX_COMBINATIONS));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--grid " + e.getMessage(), e);
            }
        }
        try {
            return new Grid(axes).validate(descriptor.parameters());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--grid " + e.getMessage(), e);
        }
    }

    /** The --param (and --qty) values, checked, none of them swept. */
    Map<String, String> fixedParameters(RunOptions run, StrategyDescriptor descriptor, Grid grid) {
        Map<String, String> fixed = run.givenParameters(descriptor);
        for (ParameterAxis axis : grid.axes()) {
            if (fixed.containsKey(axis.name())) {
                throw new UsageException("--param " + axis.name() + " is also swept by --grid " + axis.text()
                        + "; give it one way");
            }
        }
        try {
            StrategyParameters.resolve(descriptor.parameters(), fixed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--param: " + e.getMessage(), e);
        }
        return fixed;
    }
}
