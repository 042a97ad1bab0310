package com.quantdesk.server.trading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One scope's samples of one day, oldest first, bounded. One thread appends; any thread reads. The
 * arrays only grow at the end and a reader sees them through an immutable view published after each
 * append, so a reader needs no lock and never sees a half-written sample.
 */
final class EquitySeries {

    /** What readers see: the first {@code size} entries of the arrays, which never change again. */
    private record View(long[] times, long[] values, int size) {
    }

    private static final int FIRST_CAPACITY = 64;

    private final int capacity;
    private long[] times = new long[0];
    private long[] values = new long[0];
    private int size;
    private volatile View view = new View(times, values, 0);

    /** @param capacity the most samples kept; later ones are refused */
    EquitySeries(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Appends a sample. Writer thread only.
     *
     * @return false when the series is full (the sample is not kept)
     */
    boolean add(long timeMillis, long value) {
        if (size == capacity) {
            return false;
        }
        if (size == times.length) {
            int grown = Math.min(capacity, Math.max(FIRST_CAPACITY, times.length * 2));
            times = Arrays.copyOf(times, grown);
            values = Arrays.copyOf(values, grown);
        }
        times[size] = timeMillis;
        values[size] = value;
        size++;
        view = new View(times, values, size);
        return true;
    }

    /** The samples, oldest first. */
    List<EquityHistory.Point> points() {
        View v = view;
        List<EquityHistory.Point> points = new ArrayList<>(v.size() + 1);
        for (int i = 0; i < v.size(); i++) {
            points.add(new EquityHistory.Point(Instant.ofEpochMilli(v.times()[i]), v.values()[i]));
        }
        return points;
    }
}
