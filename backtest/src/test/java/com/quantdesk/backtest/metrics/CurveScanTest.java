package com.quantdesk.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-pass scan agrees with each figure worked out on its own, the plain way, over the points. */
class CurveScanTest {

    private static final Instant START = Instant.parse("2024-01-01T03:45:00Z");

    @Test
    void theScanAgreesWithEachFigureWorkedOutAlone() {
        // Each step: seconds to the next point (up to two days, so days with one point, many, or none),
        // a move of the equity in basis points (down to zero and below), and whether it holds a position.
        qt().withExamples(2_000)
                .forAll(lists().of(integers().between(0, 172_800)).ofSizeBetween(1, 60),
                        lists().of(integers().between(-12_000, 3_000)).ofSize(60),
                        lists().of(integers().between(0, 1)).ofSize(60))
                .checkAssert(CurveScanTest::agrees);
    }

    private static void agrees(List<Integer> gaps, List<Integer> moves, List<Integer> held) {
        List<EquityPoint> points = new ArrayList<>();
        Instant time = START;
        long equity = 1_000_000_00L;
        points.add(new EquityPoint(time, equity, 0));
        for (int i = 0; i < gaps.size(); i++) {
            time = time.plusSeconds(gaps.get(i)).plusNanos(i % 3 == 0 ? 250_000_000L : 0);
            equity = equity + equity * moves.get(i) / 10_000 - (equity <= 0 ? 1_000 : 0);
            points.add(new EquityPoint(time, equity, held.get(i) == 1 ? Math.abs(equity) : 0));
        }
        CurveScan scan = CurveScan.of(EquityCurve.of(points));

        assertThat(scan.dailyReturns()).containsExactly(dailyReturns(points));
        assertThat(scan.maxDrawdown()).isEqualTo(maxDrawdown(points));
        assertThat(scan.longestDrawdown()).isEqualTo(longestUnderwater(points));
        assertThat(scan.exposure()).isEqualTo(points.stream().filter(p -> p.grossExposurePaise() > 0).count()
                / (double) points.size());
    }

    /** The last point of each IST day over the one before (the first point for the first day). */
    private static double[] dailyReturns(List<EquityPoint> points) {
        List<Double> returns = new ArrayList<>();
        long base = points.getFirst().equityPaise();
        for (int i = 1; i < points.size(); i++) {
            LocalDate day = LocalDate.ofInstant(points.get(i).time(), DailyReturns.IST);
            boolean last = i == points.size() - 1
                    || !LocalDate.ofInstant(points.get(i + 1).time(), DailyReturns.IST).equals(day);
            if (last) {
                long close = points.get(i).equityPaise();
                returns.add(base > 0 ? (double) close / base - 1 : 0);
                base = close;
            }
        }
        return returns.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The deepest fall from the highest equity before it, as a fraction of that high. */
    private static double maxDrawdown(List<EquityPoint> points) {
        double deepest = 0;
        for (int i = 0; i < points.size(); i++) {
            long high = points.get(0).equityPaise();
            for (int j = 0; j <= i; j++) {
                high = Math.max(high, points.get(j).equityPaise());
            }
            deepest = Math.max(deepest, (double) (high - points.get(i).equityPaise()) / high);
        }
        return deepest;
    }

    /** The longest time from a point to the first later point back at or above it (or the end). */
    private static Duration longestUnderwater(List<EquityPoint> points) {
        Duration longest = Duration.ZERO;
        for (int i = 0; i < points.size(); i++) {
            long level = points.get(i).equityPaise();
            boolean isPeak = true;
            for (int j = 0; j < i; j++) {
                isPeak &= points.get(j).equityPaise() <= level;
            }
            if (!isPeak || i + 1 == points.size() || points.get(i + 1).equityPaise() >= level) {
                continue;
            }
            int back = i + 1;
            while (back < points.size() && points.get(back).equityPaise() < level) {
                back++;
            }
            Instant end = points.get(Math.min(back, points.size() - 1)).time();
            Duration under = Duration.between(points.get(i).time(), end);
            longest = under.compareTo(longest) > 0 ? under : longest;
        }
        return longest;
    }
}
