package com.quantdesk.core.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** An OHLCV bar for indicator tests, prices in whole paise held as doubles. */
record SyntheticBar(double open, double high, double low, double close, double volume) {

    /**
     * A seeded random walk in whole paise starting near ₹1,000, with wicks on both sides and
     * volumes that are occasionally zero, so the indicators see ties, gaps and empty bars.
     */
    static List<SyntheticBar> randomWalk(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SyntheticBar> bars = new ArrayList<>(count);
        long close = 100_000;
        for (int i = 0; i < count; i++) {
            long open = Math.max(100, close + random.nextLong(-20, 21));
            close = Math.max(100, open + Math.round(random.nextGaussian() * 60));
            long high = Math.max(open, close) + random.nextLong(0, 40);
            long low = Math.max(1, Math.min(open, close) - random.nextLong(0, 40));
            long volume = random.nextInt(10) == 0 ? 0 : random.nextLong(1, 50_000);
            bars.add(new SyntheticBar(open, high, low, close, volume));
        }
        return bars;
    }

    static double[] closes(List<SyntheticBar> bars) {
        return bars.stream().mapToDouble(SyntheticBar::close).toArray();
    }
}
