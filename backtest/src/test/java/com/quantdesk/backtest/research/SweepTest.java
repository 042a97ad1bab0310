package com.quantdesk.backtest.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {

    private static final BacktestConfig TEMPLATE = ResearchFixtures.smaCross(LocalDate.of(2022, 1, 3),
            LocalDate.of(2023, 12, 29), "RELIANCE", "INFY");

    private static Sweep sweep(String... axes) {
        Grid grid = Grid.parse(List.of(axes)).validate(TEMPLATE.strategy().parameters());
        return new Sweep(TEMPLATE, Map.of("qty", "20"), grid, RankMetric.SHARPE, 0);
    }

    @Test
    void everyRowEqualsASingleBacktestOfTheSameParametersExactly() {
        Sweep sweep = sweep("fast=5..20:5", "slow=20,40");

        SweepResult result = sweep.run(2, BacktestRunner.Progress.NONE);

        assertThat(result.rows()).hasSize(7);
        for (SweepRow row : result.rows()) {
            BacktestResult alone = new BacktestRunner().run(sweep.configFor(sweep.resolve(
                    Map.of("fast", row.parameters().get("fast"), "slow", row.parameters().get("slow")))));
            assertThat(row.parameters()).isEqualTo(alone.parameters());
            assertThat(row.metrics()).isEqualTo(alone.metrics());
            assertThat(row.finalEquity()).isEqualTo(alone.finalEquity());
            assertThat(row.orders()).isEqualTo(alone.orders().size());
        }
    }

    @Test
    void combinationsTheStrategyRefusesAreSkippedAndCounted() {
        SweepResult result = sweep("fast=10,20,30", "slow=20,30").run(1, BacktestRunner.Progress.NONE);

        assertThat(result.skipped()).extracting(SkippedCombination::parameters).containsExactly(
                Map.of("fast", 20.0, "slow", 20.0), Map.of("fast", 30.0, "slow", 20.0),
                Map.of("fast", 30.0, "slow", 30.0));
        assertThat(result.skipped().getFirst().reason()).contains("fast=20 must be less than slow=20");
        assertThat(result.rows()).extracting(SweepRow::index).containsExactly(0, 1, 3);
    }

    @Test
    void oneThreadAndManyThreadsGiveTheSameResult() {
        Sweep sweep = sweep("fast=4..16:4", "slow=20..50:10");

        SweepResult one = sweep.run(1, BacktestRunner.Progress.NONE);
        SweepResult many = sweep.run(5, BacktestRunner.Progress.NONE);

        assertThat(many.rows()).isEqualTo(one.rows());
        assertThat(many.ranked()).isEqualTo(one.ranked());
        assertThat(many.skipped()).isEqualTo(one.skipped());
    }

    @Test
    void ranksByTheMetricThenByParametersAndLeavesOutRunsWithTooFewTrades() {
        Grid grid = Grid.parse(List.of("fast=5,10", "slow=30,60")).validate(TEMPLATE.strategy().parameters());
        SweepResult all = new Sweep(TEMPLATE, Map.of(), grid, RankMetric.MAX_DRAWDOWN, 0)
                .run(2, BacktestRunner.Progress.NONE);
        long fewest = all.rows().stream().mapToLong(r -> r.metrics().numberOfTrades()).min().orElseThrow();
        SweepResult strict = new Sweep(TEMPLATE, Map.of(), grid, RankMetric.MAX_DRAWDOWN, fewest + 1)
                .run(2, BacktestRunner.Progress.NONE);

        List<SweepRow> ranked = all.ranked();
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).metrics().maxDrawdown())
                    .isGreaterThanOrEqualTo(ranked.get(i - 1).metrics().maxDrawdown());
        }
        assertThat(strict.ranked()).allSatisfy(r -> assertThat(r.metrics().numberOfTrades()).isGreaterThan(fewest));
        assertThat(strict.ranked()).hasSizeLessThan(all.ranked().size());
    }

    @Test
    void reportsProgressOnceForEveryCombinationUpToTheTotal() {
        List<long[]> updates = new ArrayList<>();

        sweep("fast=10,20,30", "slow=20,30").run(3, (done, total) -> updates.add(new long[] {done, total}));

        assertThat(updates.getLast()).containsExactly(6, 6);
        assertThat(updates).extracting(u -> u[0]).isSorted();
    }
}
