package com.quantdesk.core.market;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds bars of one {@link BarInterval} from ticks, per symbol.
 *
 * <p>A bar is emitted when a tick of a later bar of the same symbol arrives, or when
 * {@link #flush(Instant)} is called at or after the bar's end, so a timer closes bars even when
 * ticks stop. A bucket without ticks has no bar. Open, high, low and close are tick prices; the
 * volume is the sum of tick sizes. For several intervals, use one aggregator per interval (each
 * has its own sink, and a {@link Bar} does not carry its interval); {@link BarAggregation} wires
 * that up.
 *
 * <p>A tick older than the bar being built, or inside a bar already emitted (a late print after a
 * timer flush), is not added to any bar; it is counted in {@link #lateTicks()}. Callers whose feed
 * lags pass {@code now} minus a grace period to {@code flush}. Prices must be positive (run ticks
 * through a {@link TickFilter} first).
 *
 * <p>Each tick costs one hash lookup and a few field updates; after a symbol's first tick nothing
 * is allocated except the emitted bars. Not thread-safe: call from one thread.
 */
public final class BarAggregator {

    private final BarInterval interval;
    private final Consumer<Bar> sink;
    private final Map<Symbol, OpenBar> bySymbol = new HashMap<>();
    private final List<OpenBar> inOrder = new ArrayList<>();
    private long lateTicks;

    /**
     * An aggregator building {@code interval} bars and handing each completed one to {@code sink}.
     */
    public BarAggregator(BarInterval interval, Consumer<Bar> sink) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The interval of the bars built. */
    public BarInterval interval() {
        return interval;
    }

    /**
     * Adds a tick; first emits the symbol's open bar if the tick belongs to a later one.
     *
     * @throws IllegalArgumentException if the price is not positive
     */
    public void onTick(Tick tick) {
        if (tick.price() <= 0) {
            throw new IllegalArgumentException("tick price must be positive (filter ticks first): " + tick);
        }
        OpenBar bar = bySymbol.get(tick.symbol());
        if (bar == null) {
            bar = new OpenBar(tick.symbol());
            bySymbol.put(tick.symbol(), bar);
            inOrder.add(bar);
        }
        long second = tick.time().getEpochSecond();
        if (second < bar.floor) {
            lateTicks++;
            return;
        }
        if (bar.active && second >= bar.end) {
            emit(bar);
        }
        if (bar.active) {
            bar.add(tick.price(), tick.size());
        } else {
            bar.begin(interval.bucketStart(second), interval.bucketEnd(second), tick.price(), tick.size());
        }
    }

    /**
     * Emits every open bar whose end is at or before {@code now}, in the order symbols were first
     * seen. Call it from a timer so bars close even when their symbol stops ticking.
     */
    public void flush(Instant now) {
        long second = now.getEpochSecond();
        for (int i = 0; i < inOrder.size(); i++) {
            OpenBar bar = inOrder.get(i);
            if (bar.active && second >= bar.end) {
                emit(bar);
            }
        }
    }

    /** Ticks dropped because their bar had already been emitted or had not begun. */
    public long lateTicks() {
        return lateTicks;
    }

    private void emit(OpenBar bar) {
        Bar completed = new Bar(bar.symbol, Instant.ofEpochSecond(interval.stamp(bar.start)), bar.open, bar.high,
                bar.low, bar.close, bar.volume);
        bar.active = false;
        bar.floor = bar.end;
        sink.accept(completed);
    }

    /** The bar being built for one symbol; reused for every bar of the symbol. */
    private static final class OpenBar {

        final Symbol symbol;
        boolean active;
        /** Ticks before this second are late: the open bar's start, or the last emitted bar's end. */
        long floor = Long.MIN_VALUE;
        long start;
        long end;
        long open;
        long high;
        long low;
        long close;
        long volume;

        OpenBar(Symbol symbol) {
            this.symbol = symbol;
        }

        void begin(long startSecond, long endSecond, long price, long size) {
            active = true;
            start = startSecond;
            end = endSecond;
            floor = startSecond;
            open = price;
            high = price;
            low = price;
            close = price;
            volume = size;
        }

        void add(long price, long size) {
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume = Math.addExact(volume, size);
        }
    }
}
