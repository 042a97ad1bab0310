package com.quantdesk.core.risk;

/**
 * Counts events in a sliding time window of engine-clock milliseconds, in O(1) amortised time per
 * event, with a fixed ring of timestamps (the window never needs to remember more than its limit).
 */
final class RateWindow {

    private final long[] times;
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

    /** Records an event; when the ring is full the oldest is forgotten (it is past the limit anyway). */
    void add(long nowMillis) {
        if (size == times.length) {
            head = (head + 1) % times.length;
            size--;
        }
        times[(head + size) % times.length] = nowMillis;
        size++;
    }
}
