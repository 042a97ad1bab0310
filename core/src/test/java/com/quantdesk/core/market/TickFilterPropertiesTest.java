package com.quantdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class TickFilterPropertiesTest {

    private static final Symbol SYMBOL = Symbol.of("RELIANCE");
    private static final Instant START = Ist.at("2025-01-06T09:15");

    @Property(tries = 300)
    void aRandomWalkWithSmallMovesIsNeverFiltered(@ForAll long seed,
            @ForAll @LongRange(min = 10_000, max = 5_000_000) long startPaise,
            @ForAll @Scale(5) @DoubleRange(min = 0.0002, max = 0.01) double sigma,
            @ForAll @IntRange(min = 50, max = 1_000) int ticks) {
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

    @Property(tries = 300)
    void aJumpOfTwentyTimesTheVolatilityIsRejectedAfterWarmUp(@ForAll long seed,
            @ForAll @Scale(5) @DoubleRange(min = 0.0005, max = 0.01) double sigma,
            @ForAll boolean up) {
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
