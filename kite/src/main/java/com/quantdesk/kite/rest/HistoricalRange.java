package com.quantdesk.kite.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One request's worth of a historical range: {@code from} and {@code to} inclusive, whole seconds.
 *
 * @param from first instant, inclusive
 * @param to   last instant, inclusive
 */
public record HistoricalRange(Instant from, Instant to) {

    /** Validates the range. */
    public HistoricalRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /**
     * Splits {@code [from, to]} into consecutive ranges no longer than the interval's span limit:
     * each ends one second before the next starts, so no candle is asked for twice.
     */
    public static List<HistoricalRange> split(Instant from, Instant to, CandleInterval interval) {
        Instant start = from.truncatedTo(ChronoUnit.SECONDS);
        Instant end = to.truncatedTo(ChronoUnit.SECONDS);
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        Duration step = interval.maxSpan();
        List<HistoricalRange> ranges = new ArrayList<>();
        while (!start.isAfter(end)) {
            Instant last = start.plus(step).minusSeconds(1);
            if (last.isAfter(end)) {
                last = end;
            }
            ranges.add(new HistoricalRange(start, last));
            start = last.plusSeconds(1);
        }
        return List.copyOf(ranges);
    }
}
