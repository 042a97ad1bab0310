package com.quantdesk.server.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code capacity} requests per {@code period} for one key. The window opens with a key's
 * first request, and all its tokens come back at once when the period ends: with 100/min, the 101st
 * request within that minute is refused, however the first 100 were spread.
 *
 * @param name     what is limited ({@code login}, {@code orders}); part of every bucket's identity,
 *                 so one key under two limits has two buckets. No colons or spaces: it is part of
 *                 the Redis key.
 * @param capacity requests per period, at least 1
 * @param period   at least one second
 */
public record Limit(String name, long capacity, Duration period) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18})\\s*/\\s*([a-z]+)");
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hr", Duration.ofHours(1)),
            Map.entry("hour", Duration.ofHours(1)),
            Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)));

    /** Validates the parts. */
    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        if (name.isEmpty() || name.chars().anyMatch(c -> c == ':' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException(
                    "rate limit name '" + name + "' must be non-empty, without colons or spaces");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "rate limit '" + name + "': capacity must be at least 1, not " + capacity);
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("rate limit '" + name + "': period must be at least 1 s, not " + period);
        }
    }

    /**
     * Reads {@code <count>/<unit>}, the unit one of {@code s}, {@code min}, {@code hour} or
     * {@code day} (also {@code sec}, {@code second}, {@code m}, {@code minute}, {@code h},
     * {@code hr}, {@code d}): {@code 100/min}, {@code 10/s}, {@code 2000/day}.
     *
     * @throws IllegalArgumentException naming the limit and the text
     */
    public static Limit parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        if (text == null) {
            throw new IllegalArgumentException("rate limit '" + name + "' has no value; expected e.g. 100/min");
        }
        Matcher matcher = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        Duration period = matcher.matches() ? UNITS.get(matcher.group(2)) : null;
        if (period == null) {
            throw new IllegalArgumentException("rate limit '" + name + "': cannot read '" + text
                    + "'; expected <count>/<unit> with unit s, min, hour or day, e.g. 100/min");
        }
        try {
            return new Limit(name, Long.parseLong(matcher.group(1)), period);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rate limit '" + name + "': cannot use '" + text + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * The bucket's name in a store: the limit's name and its shape, so that changing a limit's
     * capacity or period starts new buckets instead of carrying counts made under the old one.
     */
    String bucketName() {
        return name + ":" + capacity + "/" + period.toMillis() + "ms";
    }
}
