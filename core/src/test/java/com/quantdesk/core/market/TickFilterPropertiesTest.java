package com.quantdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TickFilterPropertiesTest {

    private static final Symbol SYMBOL = Symbol.of("RELIANCE");
    private static final Instant START = Ist.at("2025-01-06T09:15");

    /** A volatility from {@code min} to {@code max} in steps of 0.00001. */
    private static Gen<Double> sigmas(int minHundredThousandths, int maxHundredThousandths) {
        return integers().between(minHundredThousandths, maxHundredThousandths).map(i -> i / 100_000.0);
    }

    @Test
    void aRandomWalkWithSmallMovesIsNeverFiltered() {
        qt().withExamples(300)
                .forAll(longs().all(), longs().between(10_000, 5_000_000), sigmas(20, 1_000),
                        integers().between(50, 1_000))
                .checkAssert(TickFilterPropertiesTest::aRandomWalkPasses);
    }

    private static void aRandomWalkPasses(long seed, long startPaise, double sigma, int ticks) {
        TickFilter filter = new TickFilter(TickFilterConfig.defaults(), tick -> { });
        Random random = new Random(seed);
        double logPrice = Math.log(startPaise);

        for (int i = 0; i < ticks; i++) {
            logPrice += sigma * random.nextGaussian();
            long price = Math.max(1, Math.round(Math.exp(logPrice)));
            filter.offer(new Tick(SYMBOL, START.plusMillis(250L * i), price, 1 + random.nextInt(100)));
        }

        assertThat(filter.dropped()).isZero();
        assertThat(filter.accepted()).isEqualTo(ticks);
    }

    @Test
    void aJumpOfTwentyTimesTheVolatilityIsRejectedAfterWarmUp() {
        qt().withExamples(300).forAll(longs().all(), sigmas(50, 1_000), booleans().all())
                .checkAssert(TickFilterPropertiesTest::aJumpIsRejected);
    }

    private static void aJumpIsRejected(long seed, double sigma, boolean up) {
        TickFilter filter = new TickFilter(TickFilterConfig.defaults(), tick -> { });
        Random random = new Random(seed);
        double logPrice = Math.log(1_000_000);
        int warmTicks = 200;
        for (int i = 0; i < warmTicks; i++) {
            logPrice += sigma * random.nextGaussian();
            filter.offer(new Tick(SYMBOL, START.plusSeconds(i), Math.round(Math.exp(logPrice)), 1));
        }

        double jump = (up ? 20 : -20) * sigma;
        long spike = Math.round(Math.exp(logPrice + jump));
        boolean accepted = filter.offer(new Tick(SYMBOL, START.plusSeconds(warmTicks), spike, 1));

        assertThat(accepted).isFalse();
        assertThat(filter.dropped(SYMBOL, DropReason.SPIKE)).isEqualTo(1);
    }
}
