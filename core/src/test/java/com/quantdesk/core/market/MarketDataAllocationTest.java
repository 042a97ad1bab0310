package com.quantdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarketDataAllocationTest {

    private static final int TICKS = 200_000;

    @Test
    void filteringAndAggregatingAllocateNothingPerTickOnceEachSymbolIsKnown() {
        com.sun.management.ThreadMXBean threads = hotSpotThreads();
        Tick[] ticks = randomWalkTicks(TICKS);
        List<Bar> bars = new ArrayList<>();
        BarAggregator daily = new BarAggregator(BarInterval.ONE_DAY, bars::add);
        TickFilter filter = new TickFilter(daily::onTick);
        for (int i = 0; i < 1_000; i++) {
            filter.offer(ticks[i]);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 1_000; i < TICKS; i++) {
            filter.offer(ticks[i]);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // One object per tick would be at least 16 B x 199,000 ≈ 3 MB.
        assertThat(allocated).as("bytes allocated over %d ticks", TICKS - 1_000).isLessThan(16 * 1024);
        assertThat(filter.accepted()).isEqualTo(TICKS);
        assertThat(bars).isEmpty(); // every tick is in one day: the only allocations would be per tick
    }

    private static Tick[] randomWalkTicks(int count) {
        Symbol[] symbols = {Symbol.of("INFY"), Symbol.of("TCS"), Symbol.of("SBIN")};
        double[] logPrices = {Math.log(150_000), Math.log(400_000), Math.log(80_000)};
        Random random = new Random(7);
        Instant start = Ist.at("2025-01-06T09:15");
        Tick[] ticks = new Tick[count];
        for (int i = 0; i < count; i++) {
            int s = i % symbols.length;
            logPrices[s] += 0.0005 * random.nextGaussian();
            ticks[i] = new Tick(symbols[s], start.plusMillis(i / 10), Math.round(Math.exp(logPrices[s])), 1 + i % 50);
        }
        return ticks;
    }

    private static com.sun.management.ThreadMXBean hotSpotThreads() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "needs per-thread allocation accounting");
        return threads;
    }
}
