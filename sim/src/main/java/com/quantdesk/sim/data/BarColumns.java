package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Bars of one symbol as parallel columns: what the CSV reader fills row by row and what the bar
 * cache stores, so neither builds an object per bar until the bars are handed out.
 */
final class BarColumns {

    long[] epochSeconds;
    int[] nanos;
    long[] open;
    long[] high;
    long[] low;
    long[] close;
    long[] volume;
    int size;

    BarColumns(int capacity) {
        int c = Math.max(16, capacity);
        epochSeconds = new long[c];
        nanos = new int[c];
        open = new long[c];
        high = new long[c];
        low = new long[c];
        close = new long[c];
        volume = new long[c];
    }

    /** Columns holding {@code bars}. */
    static BarColumns of(List<Bar> bars) {
        BarColumns columns = new BarColumns(bars.size());
        for (Bar bar : bars) {
            columns.add(bar.time().getEpochSecond(), bar.time().getNano(), bar.open(), bar.high(), bar.low(),
                    bar.close(), bar.volume());
        }
        return columns;
    }

    void add(long seconds, int nano, long o, long h, long l, long c, long v) {
        if (size == open.length) {
            grow();
        }
        epochSeconds[size] = seconds;
        nanos[size] = nano;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    /** Whether any bar's time has a fraction of a second. */
    boolean hasNanos() {
        for (int i = 0; i < size; i++) {
            if (nanos[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bars, as a list that makes each {@link Bar} when it is asked for: a million bars are then
     * not a million long-lived objects (and their {@link Instant}s) for the collector to copy. Every
     * row is checked here as {@link Bar}'s constructor checks it, so a bad row fails now, not when
     * the run reaches it; the columns must not change afterwards.
     *
     * @throws IllegalArgumentException if a row is not a valid bar
     */
    List<Bar> toBars(Symbol symbol) {
        for (int i = 0; i < size; i++) {
            long o = open[i];
            long h = high[i];
            long l = low[i];
            long c = close[i];
            if (o <= 0 || h <= 0 || l <= 0 || c <= 0 || h < l || o > h || o < l || c > h || c < l || volume[i] < 0
                    || epochSeconds[i] < Instant.MIN.getEpochSecond() || epochSeconds[i] > Instant.MAX.getEpochSecond()) {
                bar(symbol, i); // throws what Bar or Instant says of the row
            }
        }
        return new ColumnBars(symbol, this);
    }

    Bar bar(Symbol symbol, int i) {
        // Made once for every bar a replay reads: whole seconds, the common case, skip the nanosecond arithmetic.
        int nano = nanos[i];
        Instant time = nano == 0 ? Instant.ofEpochSecond(epochSeconds[i]) : Instant.ofEpochSecond(epochSeconds[i], nano);
        return new Bar(symbol, time, open[i], high[i], low[i], close[i], volume[i]);
    }

    /** An immutable list view of checked columns; each {@code get} makes its bar. */
    static final class ColumnBars extends AbstractList<Bar> implements RandomAccess {

        private final Symbol symbol;
        private final BarColumns columns;

        private ColumnBars(Symbol symbol, BarColumns columns) {
            this.symbol = symbol;
            this.columns = columns;
        }

        @Override
        public Bar get(int index) {
            Objects.checkIndex(index, columns.size);
            return columns.bar(symbol, index);
        }

        @Override
        public int size() {
            return columns.size;
        }
    }

    private void grow() {
        int c = open.length + (open.length >> 1);
        epochSeconds = Arrays.copyOf(epochSeconds, c);
        nanos = Arrays.copyOf(nanos, c);
        open = Arrays.copyOf(open, c);
        high = Arrays.copyOf(high, c);
        low = Arrays.copyOf(low, c);
        close = Arrays.copyOf(close, c);
        volume = Arrays.copyOf(volume, c);
    }
}
