package com.quantdesk.server.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's meters as alert rules read them: gauges by name with their tags, and the increase of
 * a counter (or a timer's count) over a window, from the totals this view remembers at each
 * {@link #sample(Instant)}. Used by the alert engine's thread only.
 */
public final class MetricView {

    /** One series: its tags and value. */
    public record Series(Map<String, String> tags, double value) {

        /** The value of one tag, or empty text. */
        public String tag(String key) {
            return tags.getOrDefault(key, "");
        }
    }

    private record Total(Instant at, double value) {
    }

    private record History(String name, Map<String, String> tags, Deque<Total> totals) {
    }

    private static final Duration KEEP = Duration.ofMinutes(65);

    private final MeterRegistry registry;
    // "name{tags}" -> totals at past samples, oldest first.
    private final Map<String, History> totals = new HashMap<>();
    private Instant now = Instant.EPOCH;

    /** @param registry the meters to read */
    public MetricView(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Remembers every counter's total at {@code at} (call once per evaluation, before the rules). */
    public void sample(Instant at) {
        now = at;
        for (Meter meter : registry.getMeters()) {
            double total;
            if (meter instanceof Counter c) {
                total = c.count();
            } else if (meter instanceof FunctionCounter f) {
                total = f.count();
            } else if (meter instanceof Timer t) {
                total = t.count();
            } else {
                continue;
            }
            Map<String, String> tags = tags(meter);
            Deque<Total> history = totals.computeIfAbsent(key(meter.getId().getName(), tags),
                    k -> new History(meter.getId().getName(), tags, new ArrayDeque<>())).totals();
            history.addLast(new Total(at, total));
            while (!history.isEmpty() && history.peekFirst().at().isBefore(at.minus(KEEP))) {
                history.removeFirst();
            }
        }
    }

    /** The time of the last sample. */
    public Instant now() {
        return now;
    }

    /** Every gauge named {@code name}, with its tags; NaN values left out. */
    public List<Series> gauges(String name) {
        List<Series> found = new ArrayList<>();
        for (Gauge gauge : registry.find(name).gauges()) {
            double value = gauge.value();
            if (!Double.isNaN(value)) {
                found.add(new Series(tags(gauge), value));
            }
        }
        return found;
    }

    /** The one gauge named {@code name} without tags (or the first), NaN when there is none. */
    public double gauge(String name) {
        List<Series> all = gauges(name);
        return all.isEmpty() ? Double.NaN : all.getFirst().value();
    }

    /**
     * How much the counters (or timer counts) named {@code name} whose tags include {@code match} grew
     * over the last {@code window}, summed; from the oldest sample inside the window (0 before two
     * samples exist).
     */
    public double increase(String name, Map<String, String> match, Duration window) {
        double sum = 0;
        Instant from = now.minus(window);
        for (History series : totals.values()) {
            if (!series.name().equals(name) || !series.tags().entrySet().containsAll(match.entrySet())) {
                continue;
            }
            Deque<Total> history = series.totals();
            Total last = history.peekLast();
            Total first = null;
            for (Total t : history) {
                if (!t.at().isBefore(from)) {
                    first = t;
                    break;
                }
            }
            if (first != null && last != null) {
                sum += Math.max(0, last.value() - first.value());
            }
        }
        return sum;
    }

    private static String key(String name, Map<String, String> tags) {
        StringBuilder key = new StringBuilder(name).append('{');
        tags.forEach((k, v) -> key.append(k).append('=').append(v).append(','));
        if (!tags.isEmpty()) {
            key.setLength(key.length() - 1);
        }
        return key.append('}').toString();
    }

    private static Map<String, String> tags(Meter meter) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : meter.getId().getTagsAsIterable()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        return tags;
    }
}
