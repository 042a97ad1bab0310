package com.quantdesk.core.market;

import com.quantdesk.core.domain.Bar;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Several {@link BarAggregator}s fed the same ticks, one per interval, reporting each completed
 * bar with its interval.
 *
 * <p>Aggregators are called from the shortest interval to the longest, so at 09:20 the 09:19
 * one-minute bar is reported before the 09:15 five-minute bar. Not thread-safe.
 */
public final class BarAggregation {

    private final List<BarAggregator> aggregators;

    /**
     * Aggregation into each of {@code intervals}, reporting completed bars to {@code sink}.
     *
     * @throws IllegalArgumentException if {@code intervals} is empty
     */
    public BarAggregation(Set<BarInterval> intervals, BiConsumer<BarInterval, Bar> sink) {
        Objects.requireNonNull(sink, "sink");
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("at least one bar interval is needed");
        }
        this.aggregators = new TreeSet<>(intervals).stream()
                .map(interval -> new BarAggregator(interval, bar -> sink.accept(interval, bar)))
                .toList();
    }

    /** Adds a tick to every interval's bars. */
    public void onTick(Tick tick) {
        for (int i = 0; i < aggregators.size(); i++) {
            aggregators.get(i).onTick(tick);
        }
    }

    /** Emits, in every interval, the open bars that ended at or before {@code now}. */
    public void flush(Instant now) {
        for (int i = 0; i < aggregators.size(); i++) {
            aggregators.get(i).flush(now);
        }
    }

    /** The intervals aggregated, shortest first. */
    public List<BarInterval> intervals() {
        return aggregators.stream().map(BarAggregator::interval).toList();
    }
}
