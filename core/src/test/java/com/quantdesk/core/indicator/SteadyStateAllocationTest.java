package com.quantdesk.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyStateAllocationTest {

    private static final int UPDATES = 200_000;

    @Test
    void updatesAllocateNothingOnceWarm() {
        com.sun.management.ThreadMXBean threads = hotSpotThreads();
        List<SyntheticBar> bars = SyntheticBar.randomWalk(81, 1_000);
        double[] high = bars.stream().mapToDouble(SyntheticBar::high).toArray();
        double[] low = bars.stream().mapToDouble(SyntheticBar::low).toArray();
        double[] close = SyntheticBar.closes(bars);
        double[] volume = bars.stream().mapToDouble(SyntheticBar::volume).toArray();
        Sma sma = new Sma(20);
        Ema ema = new Ema(20);
        Rsi rsi = new Rsi(14);
        Macd macd = new Macd(12, 26, 9);
        Bollinger bollinger = new Bollinger(20, 2.0);
        Atr atr = new Atr(14);
        Vwap vwap = new Vwap();
        Donchian donchian = new Donchian(20);
        double sink = 0;
        for (int i = 0; i < UPDATES; i++) {
            int bar = i % bars.size();
            sink += sma.update(close[bar]) + ema.update(close[bar]) + rsi.update(close[bar]);
            macd.update(close[bar]);
            bollinger.update(close[bar]);
            sink += atr.update(high[bar], low[bar], close[bar]) + vwap.update(high[bar], low[bar], close[bar], volume[bar]);
            donchian.update(high[bar], low[bar]);
        }

        assertThat(sink).isNaN(); // warm-up values; the sink only keeps results alive
        sink = 0;

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < UPDATES; i++) {
            int bar = i % bars.size();
            sink += sma.update(close[bar]) + ema.update(close[bar]) + rsi.update(close[bar]);
            macd.update(close[bar]);
            bollinger.update(close[bar]);
            sink += atr.update(high[bar], low[bar], close[bar]) + vwap.update(high[bar], low[bar], close[bar], volume[bar]);
            donchian.update(high[bar], low[bar]);
            sink += macd.histogram() + bollinger.upper() + donchian.middle();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // An object that escapes on every update would be at least 16 B x 200,000 = 3.2 MB; a few
        // KB of slack leaves room for the JVM's own bookkeeping.
        assertThat(allocated).as("bytes allocated over %d updates", UPDATES).isLessThan(16 * 1024);
        assertThat(sink).isFinite(); // every indicator was ready throughout the measured loop
    }

    private static com.sun.management.ThreadMXBean hotSpotThreads() {
        boolean measurable = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled();
        assumeTrue(measurable, "this JVM cannot count a thread's allocations");
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }
}
