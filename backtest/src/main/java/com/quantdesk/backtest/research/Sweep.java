package com.quantdesk.backtest.research;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one backtest per combination of a {@link Grid}, on a fixed pool of threads.
 *
 * <p>Every run gets its own engine, venue and strategy; the only things runs share are the
 * template's bar lists and instrument look-up, which nothing writes to. Results are put back in
 * grid order before anything looks at them, so the outcome is the same for any thread count.
 * Progress is reported on the calling thread as runs complete.
 *
 * @param template   the run to vary: strategy, data, capital, venue, charges, risk
 * @param fixed      parameters given by the user that the grid does not sweep, as text
 * @param grid       the swept axes, already validated against the strategy
 * @param metric     what to rank by
 * @param minTrades  fewest closed trades a combination needs to be ranked
 */
public record Sweep(BacktestConfig template, Map<String, String> fixed, Grid grid, RankMetric metric,
                    long minTrades) {

    /** Validates the sweep; a fixed parameter may not also be swept. */
    public Sweep {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(metric, "metric");
        fixed = Map.copyOf(fixed);
        for (String name : grid.names()) {
            if (fixed.containsKey(name)) {
                throw new IllegalArgumentException("parameter " + name + " is both fixed and swept");
            }
        }
        if (minTrades < 0) {
            throw new IllegalArgumentException("minimum trades must not be negative, was " + minTrades);
        }
    }

    /** Runs every combination on {@code threads} threads. */
    public SweepResult run(int threads, BacktestRunner.Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        int total = grid.size();
        List<SkippedCombination> skipped = new ArrayList<>();
        List<Integer> runnable = new ArrayList<>();
        List<StrategyParameters> parameters = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            Map<String, Double> swept = grid.combination(i);
            StrategyParameters resolved = StrategyParameters.resolve(template.strategy().parameters(),
                    asText(swept));
            parameters.add(resolved);
            String refusal = refusal(template.strategy(), resolved);
            if (refusal == null) {
                runnable.add(i);
            } else {
                skipped.add(new SkippedCombination(i, swept, refusal));
            }
        }
        SweepRow[] rows = new SweepRow[total];
        long done = skipped.size();
        progress.update(done, total);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            CompletionService<SweepRow> completions = new ExecutorCompletionService<>(pool);
            for (int index : runnable) {
                StrategyParameters resolved = parameters.get(index);
                completions.submit(() -> runOne(index, resolved));
            }
            for (int k = 0; k < runnable.size(); k++) {
                SweepRow row = take(completions, pool);
                rows[row.index()] = row;
                progress.update(++done, total);
            }
        }
        List<SweepRow> inOrder = new ArrayList<>(runnable.size());
        for (SweepRow row : rows) {
            if (row != null) {
                inOrder.add(row);
            }
        }
        return new SweepResult(template.strategy().name(), grid, metric, minTrades, inOrder, skipped);
    }

    /** The backtest of one combination, exactly as {@link BacktestRunner} runs it alone. */
    public BacktestConfig configFor(StrategyParameters parameters) {
        BacktestConfig t = template;
        return new BacktestConfig(t.strategy(), parameters, t.data(), t.instruments(), t.initialCapital(), t.venue(),
                t.chargeRates(), t.annualRiskFreeRate(), t.checks(), t.riskLimits());
    }

    /** Resolves swept values plus the fixed ones against the strategy's parameters. */
    public StrategyParameters resolve(Map<String, Double> swept) {
        return StrategyParameters.resolve(template.strategy().parameters(), asText(swept));
    }

    private SweepRow runOne(int index, StrategyParameters parameters) {
        BacktestResult result;
        try {
            result = new BacktestRunner().run(configFor(parameters));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the run with " + parameters + " failed: " + e.getMessage(), e);
        }
        return new SweepRow(index, parameters.asMap(), result.metrics(), result.finalEquity(),
                result.orders().size());
    }

    private Map<String, String> asText(Map<String, Double> swept) {
        Map<String, String> text = new LinkedHashMap<>(fixed);
        swept.forEach((name, value) -> text.put(name, ParameterSpec.format(value)));
        return text;
    }

    /** The strategy's reason for refusing the parameters (e.g. fast >= slow), or null if it accepts them. */
    private static String refusal(StrategyDescriptor strategy, StrategyParameters parameters) {
        try {
            strategy.create(parameters);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static SweepRow take(CompletionService<SweepRow> completions, ExecutorService pool) {
        try {
            Future<SweepRow> next = completions.take();
            return next.get();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            // One failed run makes the table incomplete: stop the others rather than finish a wrong answer.
            pool.shutdownNow();
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
