package com.quantdesk.backtest.report;

import java.util.Arrays;

/**
 * Thins a series for plotting while keeping its shape: the first and last points, and the lowest
 * and highest point of each of equal-width buckets in between.
 *
 * <p>Keeping the per-bucket extremes rather than every n-th point means the global peak and trough,
 * and so the drawn maximum drawdown, survive thinning.
 */
final class Downsampler {

    private Downsampler() {
    }

    /**
     * Indices of the points to keep, ascending.
     *
     * @param values the series
     * @param limit  the most points to keep, at least 4
     * @return every index when the series has at most {@code limit} points
     */
    static int[] minMax(double[] values, int limit) {
        if (limit < 4) {
            throw new IllegalArgumentException("limit must be at least 4, was " + limit);
        }
        int n = values.length;
        if (n <= limit) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int buckets = (limit - 2) / 2;
        int inner = n - 2;
        int[] kept = new int[limit];
        int count = 0;
        kept[count++] = 0;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) b * inner / buckets);
            int to = 1 + (int) ((long) (b + 1) * inner / buckets);
            if (from >= to) {
                continue;
            }
            int low = from;
            int high = from;
            for (int i = from + 1; i < to; i++) {
                low = values[i] < values[low] ? i : low;
                high = values[i] > values[high] ? i : high;
            }
            kept[count++] = Math.min(low, high);
            if (low != high) {
                kept[count++] = Math.max(low, high);
            }
        }
        kept[count++] = n - 1;
        return Arrays.copyOf(kept, count);
    }
}
