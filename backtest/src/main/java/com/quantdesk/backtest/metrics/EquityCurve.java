package com.quantdesk.backtest.metrics;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable equity curve stored as primitive columns, read as a {@code List<EquityPoint>}.
 *
 * <p>A minute-bar backtest records a point per bar, a million a run; keeping them as four arrays
 * instead of a million records saves the allocation and lets the metrics walk plain arrays.
 * {@link #get} makes an equal {@link EquityPoint} on each call.
 */
public final class EquityCurve extends AbstractList<EquityPoint> implements RandomAccess {

    private final long[] seconds;
    private final int[] nanos;
    private final long[] equity;
    private final long[] exposure;
    private final int size;

    private EquityCurve(long[] seconds, int[] nanos, long[] equity, long[] exposure, int size) {
        this.seconds = seconds;
        this.nanos = nanos;
        this.equity = equity;
        this.exposure = exposure;
        this.size = size;
    }

    /** The points as a curve: {@code points} itself if it is one, else a copy. */
    public static EquityCurve of(List<EquityPoint> points) {
        if (points instanceof EquityCurve curve) {
            return curve;
        }
        Builder builder = new Builder(points.size());
        for (EquityPoint p : points) {
            builder.add(p.time(), p.equityPaise(), p.grossExposurePaise());
        }
        return builder.build();
    }

    @Override
    public EquityPoint get(int index) {
        Objects.checkIndex(index, size);
        return new EquityPoint(Instant.ofEpochSecond(seconds[index], nanos[index]), equity[index], exposure[index]);
    }

    @Override
    public int size() {
        return size;
    }

    /** The point's time in seconds from the epoch. */
    public long epochSecond(int index) {
        Objects.checkIndex(index, size);
        return seconds[index];
    }

    /** The nanosecond of the second of the point's time. */
    public int nano(int index) {
        Objects.checkIndex(index, size);
        return nanos[index];
    }

    /** The point's equity in paise. */
    public long equityPaise(int index) {
        Objects.checkIndex(index, size);
        return equity[index];
    }

    /** The point's gross exposure in paise. */
    public long grossExposurePaise(int index) {
        Objects.checkIndex(index, size);
        return exposure[index];
    }

    /** Whether point {@code a} is at an earlier time than point {@code b}. */
    boolean isBefore(int a, int b) {
        return seconds[a] < seconds[b] || seconds[a] == seconds[b] && nanos[a] < nanos[b];
    }

    /** Collects the points of a curve in time order; not thread-safe. */
    public static final class Builder {

        private long[] seconds;
        private int[] nanos;
        private long[] equity;
        private long[] exposure;
        private int size;

        /** A builder with room for {@code expectedPoints} before it grows. */
        public Builder(int expectedPoints) {
            int capacity = Math.max(expectedPoints, 16);
            seconds = new long[capacity];
            nanos = new int[capacity];
            equity = new long[capacity];
            exposure = new long[capacity];
        }

        /**
         * Appends a point; the same checks as {@link EquityPoint}'s.
         *
         * @throws NullPointerException     if {@code time} is null
         * @throws IllegalArgumentException if {@code grossExposurePaise} is negative
         */
        public Builder add(Instant time, long equityPaise, long grossExposurePaise) {
            Objects.requireNonNull(time, "time");
            if (seconds == null) {
                throw new IllegalStateException("the curve is already built");
            }
            if (grossExposurePaise < 0) {
                throw new IllegalArgumentException("gross exposure must not be negative, was "
                        + grossExposurePaise + " at " + time);
            }
            if (size == seconds.length) {
                int capacity = size + (size >> 1);
                seconds = Arrays.copyOf(seconds, capacity);
                nanos = Arrays.copyOf(nanos, capacity);
                equity = Arrays.copyOf(equity, capacity);
                exposure = Arrays.copyOf(exposure, capacity);
            }
            seconds[size] = time.getEpochSecond();
            nanos[size] = time.getNano();
            equity[size] = equityPaise;
            exposure[size] = grossExposurePaise;
            size++;
            return this;
        }

        /**
         * The curve of the points added; the builder hands its arrays over and cannot be used after.
         *
         * @throws IllegalStateException if called twice
         */
        public EquityCurve build() {
            if (seconds == null) {
                throw new IllegalStateException("the curve is already built");
            }
            EquityCurve curve = new EquityCurve(seconds, nanos, equity, exposure, size);
            seconds = null;
            nanos = null;
            equity = null;
            exposure = null;
            return curve;
        }
    }
}
