package com.quantdesk.bench.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one measured window on one screen came to, from what the page's probe recorded
 * ({@code probe.js}) and what the harness saw beside it.
 *
 * @param screen        the dashboard's route, e.g. {@code market}
 * @param seconds       the window's length
 * @param stream        messages the page received, and quotes the server sent
 * @param frames        intervals between animation frames
 * @param longTasks     the main thread's tasks over 50 ms ({@code longtask} entries)
 * @param longFrames    animation frames over 50 ms, work and rendering ({@code long-animation-frame}), or
 *                      null where the browser does not report them
 * @param table         how the observed table's DOM changed, or null when it was not observed
 * @param heapMb        the page's JavaScript heap at the start and the end of the window
 * @param cpu           CPU used during the window, in cores
 * @param consoleErrors the browser console's errors during the window
 */
record ScreenFigures(String screen, double seconds, Stream stream, Frames frames, Tasks longTasks, Tasks longFrames,
                     Table table, List<Double> heapMb, CpuUse cpu, List<String> consoleErrors) {

    /** Long tasks and long frames kept for the results file, the longest first. */
    private static final int KEPT_ENTRIES = 50;

    /**
     * @param pageQuotesPerSecond   quote messages the page's WebSocket received, per second
     * @param serverQuotesPerSecond quote messages a client outside the browser received, per second
     * @param pageMessagesPerSecond every message the page received, per second
     * @param pageKilobytesPerSecond what those messages weigh
     * @param pageQuotesEachSecond  quotes the page received in each second of the window
     * @param connections           WebSocket connections the page opened during the window (0: no reconnect)
     */
    record Stream(double pageQuotesPerSecond, double serverQuotesPerSecond, double pageMessagesPerSecond,
                  double pageKilobytesPerSecond, List<Long> pageQuotesEachSecond, long connections) {
    }

    /** Interval between consecutive animation frames, ms; {@code fps} is frames per second of the window. */
    record Frames(long count, double fps, double p50, double p95, double p99, double max, long over50ms) {
    }

    /**
     * How many, their total and longest duration (ms), their blocking time (what each spent over 50 ms),
     * and the longest (up to 50) as the probe recorded them (start: seconds into the window).
     */
    record Tasks(long count, double totalMs, double maxMs, double blockingMs, List<Map<String, Object>> longest) {
    }

    /**
     * @param mutationsPerSecond      MutationObserver records on the table per second (rows, cells, attributes)
     * @param mutationsEachSecond     the same in each second of the window
     * @param cellTextChangesPerSecond cells whose text was replaced, per second
     * @param cellsTouched            distinct cells whose text changed during the window
     * @param attributeChanges        attribute writes by attribute name (class: flashes and tone)
     * @param rowsAdded               rows inserted into the table during the window
     * @param rowsRemoved             rows taken out of it
     * @param rowsAtStart             rows at the start
     * @param rowsKept                of those, rows that are the very same elements at the end
     * @param rows                    rows at the end
     * @param otherMutationsPerSecond records elsewhere on the screen (outside the table), per second
     */
    record Table(double mutationsPerSecond, List<Long> mutationsEachSecond, double cellTextChangesPerSecond,
                 long cellsTouched, Map<String, Long> attributeChanges, long rowsAdded, long rowsRemoved,
                 long rowsAtStart, long rowsKept, long rows, double otherMutationsPerSecond) {
    }

    /** Figures of a window from the map {@code __qdProbe.stop()} returned. */
    static ScreenFigures of(String screen, Map<String, Object> probe, long serverQuotes, CpuUse cpu,
                            List<String> consoleErrors) {
        double seconds = number(probe, "seconds");
        Stream stream = new Stream(tenth(number(probe, "quotes") / seconds), tenth(serverQuotes / seconds),
                tenth(number(probe, "messages") / seconds), tenth(number(probe, "bytes") / 1024 / seconds),
                longs(probe.get("quotesPerSecond")), (long) number(probe, "connections"));
        List<Double> intervals = doubles(probe.get("frameIntervals"));
        Collections.sort(intervals);
        Frames frames = new Frames(intervals.size(), tenth(intervals.size() / seconds),
                tenth(percentile(intervals, 0.50)), tenth(percentile(intervals, 0.95)),
                tenth(percentile(intervals, 0.99)), tenth(intervals.isEmpty() ? 0 : intervals.getLast()),
                intervals.stream().filter(i -> i > 50).count());
        Map<String, Long> attributes = new TreeMap<>();
        ((Map<?, ?>) probe.get("attributeChanges"))
                .forEach((k, v) -> attributes.put((String) k, ((Number) v).longValue()));
        Table table = !Boolean.TRUE.equals(probe.get("observed")) ? null
                : new Table(tenth(number(probe, "mutations") / seconds), longs(probe.get("mutationsPerSecond")),
                        tenth(number(probe, "cellTextChanges") / seconds), (long) number(probe, "cellsTouched"),
                        attributes, (long) number(probe, "rowsAdded"), (long) number(probe, "rowsRemoved"),
                        (long) number(probe, "rowsAtStart"), (long) number(probe, "rowsKept"),
                        (long) number(probe, "rows"), tenth(number(probe, "otherMutations") / seconds));
        List<Double> heap = new ArrayList<>();
        for (String key : List.of("heapStart", "heapEnd")) {
            if (probe.get(key) instanceof Number n) {
                heap.add(Math.round(n.doubleValue() / 1024 / 1024 * 10) / 10.0);
            }
        }
        Tasks longFrames = Boolean.TRUE.equals(probe.get("longFrameSupported"))
                ? tasks(probe.get("longAnimationFrames")) : null;
        return new ScreenFigures(screen, tenth(seconds), stream, frames, tasks(probe.get("longTasks")), longFrames,
                table, heap, cpu, consoleErrors);
    }

    private static Tasks tasks(Object entries) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object o : (List<?>) entries) {
            Map<String, Object> entry = new LinkedHashMap<>();
            ((Map<?, ?>) o).forEach((k, v) -> entry.put((String) k, v));
            all.add(entry);
        }
        all.sort(Comparator.comparingDouble((Map<String, Object> e) -> duration(e)).reversed());
        double total = all.stream().mapToDouble(ScreenFigures::duration).sum();
        double max = all.isEmpty() ? 0 : duration(all.getFirst());
        double blocking = all.stream().mapToDouble(e -> Math.max(0, duration(e) - 50)).sum();
        return new Tasks(all.size(), tenth(total), tenth(max), tenth(blocking),
                List.copyOf(all.subList(0, Math.min(KEPT_ENTRIES, all.size()))));
    }

    private static double duration(Map<String, Object> entry) {
        return ((Number) entry.get("duration")).doubleValue();
    }

    /** Nearest rank: the smallest value with at least {@code q} of all at or below it. */
    static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1)));
    }

    private static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double number(Map<String, Object> probe, String key) {
        Object value = probe.get(key);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("the probe's '" + key + "' is " + value);
        }
        return n.doubleValue();
    }

    private static List<Double> doubles(Object list) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(((Number) o).doubleValue());
        }
        return out;
    }

    private static List<Long> longs(Object list) {
        List<Long> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(((Number) o).longValue());
        }
        return out;
    }
}
