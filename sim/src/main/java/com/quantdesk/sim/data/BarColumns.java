package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
     * The bars, validated by {@link Bar}'s constructor.
     *
     * @throws IllegalArgumentException if a row is not a valid bar
     */
    List<Bar> toBars(Symbol symbol) {
        List<Bar> bars = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            bars.add(new Bar(symbol, Instant.ofEpochSecond(epochSeconds[i], nanos[i]), open[i], high[i], low[i],
                    close[i], volume[i]));
        }
        return bars;
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
