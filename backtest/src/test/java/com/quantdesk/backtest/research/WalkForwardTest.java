package com.quantdesk.backtest.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestRunner;
import com.quantdesk.backtest.metrics.EquityPoint;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

    private static final BacktestConfig TEMPLATE = ResearchFixtures.smaCross(LocalDate.of(2021, 1, 4),
            LocalDate.of(2023, 12, 29), "RELIANCE");

    private static WalkForward walkForward(boolean anchored) {
        Grid grid = Grid.parse(List.of("fast=5,10", "slow=20,40")).validate(TEMPLATE.strategy().parameters());
        Sweep sweep = new Sweep(TEMPLATE, Map.of("qty", "50"), grid, RankMetric.RETURN, 1);
        return new WalkForward(sweep, Period.ofYears(1), Period.ofMonths(6), anchored);
    }

    @Test
    void eachWindowStartsWithThePreviousWindowsEndingEquityAndTheCurveIsContinuous() {
        WalkForwardResult result = walkForward(false).run(2, BacktestRunner.Progress.NONE);

        List<WindowResult> windows = result.windows();
        assertThat(windows).hasSize(4);
        assertThat(windows.getFirst().startEquity()).isEqualTo(ResearchFixtures.CAPITAL);
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).startEquity()).isEqualTo(windows.get(i - 1).endEquity());
            // Same instant and equity; the exposure differs because an open position is not carried over.
            EquityPoint start = windows.get(i).curve().getFirst();
            EquityPoint previousEnd = windows.get(i - 1).curve().getLast();
            assertThat(start.time()).isEqualTo(previousEnd.time());
            assertThat(start.equityPaise()).isEqualTo(previousEnd.equityPaise());
            assertThat(start.grossExposurePaise()).isZero();
        }
        for (WindowResult w : windows) {
            assertThat(w.curve().getFirst().equityPaise()).isEqualTo(w.startEquity());
            assertThat(w.curve().getLast().equityPaise()).isEqualTo(w.endEquity());
        }
        List<EquityPoint> curve = result.curve();
        assertThat(curve.getFirst().equityPaise()).isEqualTo(ResearchFixtures.CAPITAL);
        assertThat(curve.getLast().equityPaise()).isEqualTo(windows.getLast().endEquity());
        assertThat(curve).extracting(EquityPoint::time).isSorted();
        assertThat(curve).hasSize(1 + windows.stream().mapToInt(w -> w.curve().size() - 1).sum());
        assertThat(result.overall().finalEquityPaise()).isEqualTo(windows.getLast().endEquity());
    }

    @Test
    void outOfSampleRunsTradeOnlyInsideTheirOwnWindow() {
        WalkForwardResult result = walkForward(true).run(2, BacktestRunner.Progress.NONE);

        assertThat(result.windows()).allSatisfy(w -> {
            assertThat(w.curve().subList(1, w.curve().size())).allSatisfy(p -> {
                assertThat(p.time()).isAfterOrEqualTo(w.window().outOfSampleFrom());
                assertThat(p.time()).isBefore(w.window().outOfSampleTo());
            });
            assertThat(w.trades()).allSatisfy(t ->
                    assertThat(t.entryTime()).isAfterOrEqualTo(w.window().outOfSampleFrom()));
        });
        assertThat(result.windows()).anySatisfy(w -> assertThat(w.trades()).isNotEmpty());
    }

    @Test
    void chosenParametersAreTheInSampleSweepsBest() {
        WalkForward walk = walkForward(false);
        WalkForwardResult result = walk.run(1, BacktestRunner.Progress.NONE);

        WindowResult first = result.windows().getFirst();
        Window w = first.window();
        Sweep inSample = new Sweep(new BacktestConfig(TEMPLATE.strategy(), TEMPLATE.parameters(),
                WalkForward.slice(TEMPLATE.data(), w.inSampleFrom(), w.inSampleTo()), TEMPLATE.instruments(),
                TEMPLATE.initialCapital(), TEMPLATE.venue(), TEMPLATE.chargeRates(), TEMPLATE.annualRiskFreeRate(),
                TEMPLATE.checks(), TEMPLATE.riskLimits()), walk.sweep().fixed(), walk.sweep().grid(),
                RankMetric.RETURN, 1);
        SweepRow best = inSample.run(1, BacktestRunner.Progress.NONE).best().orElseThrow();
        assertThat(first.chosen()).contains(best.parameters());
        assertThat(first.inSampleMetric()).isEqualTo(best.metrics().totalReturn());
        assertThat(walk.run(3, BacktestRunner.Progress.NONE)).isEqualTo(result);
    }
}
