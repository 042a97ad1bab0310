package com.quantdesk.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class PerformanceAnalyzerPropertyTest {

    @Property
    void maxDrawdownOfANonNegativeCurveIsWithinZeroAndOne(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> equities,
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long start) {
        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve(start, equities, 3_600), List.of(), 0, 0.065);

        assertThat(metrics.maxDrawdown()).isBetween(0.0, 1.0);
    }

    @Property
    void aNonDecreasingCurveHasNoDrawdown(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 1_000_000_000L) Long> increments,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long start) {
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

    @Property
    void totalReturnMatchesStartAndFinalEquityAndTheCompoundedDailyReturns(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = -5_000, max = 5_000) Integer> movesInBasisPoints,
            @ForAll @LongRange(min = 1_000_00, max = 1_000_000_000_00L) long start,
            @ForAll @LongRange(min = 60, max = 3 * 86_400) long secondsBetweenPoints) {
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
