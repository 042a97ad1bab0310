package com.quantdesk.backtest.metrics;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceAnalyzerPropertyTest {

    @Test
    void maxDrawdownOfANonNegativeCurveIsWithinZeroAndOne() {
        qt().withExamples(1_000)
                .forAll(lists().of(spreadLongs(0, 1_000_000_000_000L)).ofSizeBetween(1, 200),
                        spreadLongs(1, 1_000_000_000_000L))
                .checkAssert((equities, start) -> {
                    PerformanceMetrics metrics =
                            PerformanceAnalyzer.analyze(curve(start, equities, 3_600), List.of(), 0, 0.065);

                    assertThat(metrics.maxDrawdown()).isBetween(0.0, 1.0);
                });
    }

    @Test
    void aNonDecreasingCurveHasNoDrawdown() {
        qt().withExamples(1_000)
                .forAll(lists().of(spreadLongs(0, 1_000_000_000L)).ofSizeBetween(1, 200),
                        spreadLongs(1, 1_000_000_000L))
                .checkAssert(PerformanceAnalyzerPropertyTest::noDrawdownOfANonDecreasingCurve);
    }

    private static void noDrawdownOfANonDecreasingCurve(List<Long> increments, long start) {
        List<Long> equities = new ArrayList<>();
        long equity = start;
        for (long increment : increments) {
            equity += increment;
            equities.add(equity);
        }

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve(start, equities, 3_600), List.of(), 0, 0);

        assertThat(metrics.maxDrawdown()).isZero();
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(Duration.ZERO);
        assertThat(metrics.calmar()).isZero();
    }

    @Test
    void totalReturnMatchesStartAndFinalEquityAndTheCompoundedDailyReturns() {
        qt().withExamples(1_000)
                .forAll(lists().of(integers().between(-5_000, 5_000)).ofSizeBetween(1, 200),
                        spreadLongs(1_000_00, 1_000_000_000_00L), longs().between(60, 3 * 86_400))
                .checkAssert(PerformanceAnalyzerPropertyTest::totalReturnMatchesStartAndFinalEquity);
    }

    private static void totalReturnMatchesStartAndFinalEquity(List<Integer> movesInBasisPoints, long start,
                                                              long secondsBetweenPoints) {
        // moves of at most 50% a step: a fall to a millionth of the peak makes 1 + r lose digits
        List<Long> equities = new ArrayList<>();
        long equity = start;
        for (int move : movesInBasisPoints) {
            equity = Math.max(1, equity + equity * move / 10_000);
            equities.add(equity);
        }
        List<EquityPoint> curve = curve(start, equities, secondsBetweenPoints);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.startEquityPaise()).isEqualTo(start);
        assertThat(metrics.finalEquityPaise()).isEqualTo(equity);
        assertThat(metrics.totalReturn()).isEqualTo((double) equity / start - 1);
        double logGrowth = 0;
        for (double r : DailyReturns.of(curve)) {
            logGrowth += Math.log1p(r);
        }
        assertThat(logGrowth).isCloseTo(Math.log((double) equity / start), within(1e-9));
    }

    private static List<EquityPoint> curve(long start, List<Long> equities, long secondsBetweenPoints) {
        Instant time = Instant.parse("2024-01-01T03:45:00Z");
        List<EquityPoint> curve = new ArrayList<>();
        curve.add(new EquityPoint(time, start, 0));
        for (long equity : equities) {
            time = time.plusSeconds(secondsBetweenPoints);
            curve.add(new EquityPoint(time, equity, equity / 2));
        }
        return curve;
    }
}
