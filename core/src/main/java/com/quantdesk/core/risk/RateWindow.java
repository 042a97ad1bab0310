package com.quantdesk.core.risk;

/**
 * Counts events in a sliding time window of engine-clock milliseconds, in O(1) amortised time per
 * event, with a ring of timestamps.
 */
final class RateWindow {

    private long[] times;
    private int head;
    private int size;

    RateWindow(int capacity) {
        this.times = new long[Math.max(1, capacity)];
    }

    /** Events within {@code windowMillis} before {@code nowMillis} (exclusive of the window's start). */
    int count(long nowMillis, long windowMillis) {
        while (size > 0 && times[head] <= nowMillis - windowMillis) {
            head = (head + 1) % times.length;
            size--;
        }
        return size;
    }

    /** Forgets every event. */
    void clear() {
        head = 0;
        size = 0;
    }

    /**
     * Records an event. The ring grows when full, so a limit raised at run time is still counted
     * exactly; callers prune through {@link #count} before each decision, which keeps it small.
     */
    void add(long nowMillis) {
        if (size == times.length) {
            long[] bigger = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = times[(head + i) % times.length];
            }
            times = bigger;
            head = 0;
        }
        times[(head + size) % times.length] = nowMillis;
        size++;
    }
}
