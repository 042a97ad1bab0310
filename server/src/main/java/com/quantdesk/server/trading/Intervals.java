package com.quantdesk.server.trading;

import com.quantdesk.core.market.BarInterval;
import java.time.Duration;

/** Bar intervals as the API writes them: {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 1d}. */
public final class Intervals {

    private Intervals() {
    }

    /**
     * Parses a minute, hour or day count with its unit.
     *
     * @throws IllegalArgumentException when it is not like {@code 5m}
     */
    public static BarInterval parse(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,3}[mhd]")) {
            throw new IllegalArgumentException("'" + text + "' is not a bar interval like 1m, 5m, 15m, 1h or 1d");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> new BarInterval(Duration.ofMinutes(n));
            case 'h' -> new BarInterval(Duration.ofHours(n));
            default -> new BarInterval(Duration.ofDays(n));
        };
    }

    /** The interval as text. */
    public static String format(BarInterval interval) {
        Duration d = interval.length();
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        return d.toMinutes() + "m";
    }
}
