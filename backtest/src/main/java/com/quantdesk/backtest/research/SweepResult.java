package com.quantdesk.backtest.research;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a sweep produced. Nothing in it depends on how many threads ran it.
 *
 * @param strategy  strategy name
 * @param grid      the swept axes
 * @param metric    what the ranking is by
 * @param minTrades fewest closed trades a combination needs to be ranked
 * @param rows      every combination that ran, in grid order
 * @param skipped   every combination the strategy refused, in grid order
 */
public record SweepResult(String strategy, Grid grid, RankMetric metric, long minTrades, List<SweepRow> rows,
                          List<SkippedCombination> skipped) {

    /** Copies the lists. */
    public SweepResult {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }

    /**
     * The combinations with at least {@code minTrades} trades, best first: by the metric, then by
     * the swept parameter values in axis order (smaller first), then by grid index.
     */
    public List<SweepRow> ranked() {
        return rows.stream().filter(r -> r.metrics().numberOfTrades() >= minTrades).sorted(order()).toList();
    }

    /** The best combination, if any qualified. */
    public Optional<SweepRow> best() {
        return ranked().stream().findFirst();
    }

    /** The ranking's order. */
    private Comparator<SweepRow> order() {
        List<String> names = grid.names();
        Comparator<SweepRow> byMetric = (a, b) -> metric.compareBetterFirst(metric.of(a.metrics()),
                metric.of(b.metrics()));
        Comparator<SweepRow> byParameters = (a, b) -> compareParameters(names, a.parameters(), b.parameters());
        return byMetric.thenComparing(byParameters).thenComparingInt(SweepRow::index);
    }

    private static int compareParameters(List<String> names, Map<String, Double> a, Map<String, Double> b) {
        for (String name : names) {
            int c = Double.compare(a.get(name), b.get(name));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
