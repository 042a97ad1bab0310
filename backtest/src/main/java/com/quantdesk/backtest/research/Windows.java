package com.quantdesk.backtest.research;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a data span into walk-forward windows on calendar boundaries in IST.
 *
 * <p>Everything is measured from midnight IST of the first bar's day ({@code start}). Window
 * {@code k} (from 0) tests out of sample on {@code [start + IS + k·OOS, start + IS + (k+1)·OOS)}, so
 * the out-of-sample spans follow each other without gap or overlap. Its in-sample span ends where
 * its out-of-sample span begins and starts at {@code start + k·OOS} (rolling, always IS long) or
 * at {@code start} (anchored, growing). Windows are cut while their out-of-sample span starts on or
 * before the last bar; the last one may hold fewer bars than a full span when the data ends inside it.
 */
public final class Windows {

    /** The zone the calendar boundaries are in. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private Windows() {
    }

    /**
     * The windows over {@code [firstBar, lastBar]}.
     *
     * @throws IllegalArgumentException if the data does not reach past one in-sample span
     */
    public static List<Window> cut(Instant firstBar, Instant lastBar, Period inSample, Period outOfSample,
                                   boolean anchored) {
        if (inSample.isNegative() || inSample.isZero() || outOfSample.isNegative() || outOfSample.isZero()) {
            throw new IllegalArgumentException("in-sample and out-of-sample spans must be positive");
        }
        ZonedDateTime start = LocalDate.ofInstant(firstBar, IST).atStartOfDay(IST);
        List<Window> windows = new ArrayList<>();
        for (int k = 0; ; k++) {
            ZonedDateTime oosFrom = start.plus(inSample).plus(outOfSample.multipliedBy(k));
            if (oosFrom.toInstant().isAfter(lastBar)) {
                break;
            }
            ZonedDateTime isFrom = anchored ? start : start.plus(outOfSample.multipliedBy(k));
            windows.add(new Window(k + 1, isFrom.toInstant(), oosFrom.toInstant(),
                    oosFrom.plus(outOfSample).toInstant()));
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("the data (" + LocalDate.ofInstant(firstBar, IST) + " to "
                    + LocalDate.ofInstant(lastBar, IST) + ") ends before the first in-sample span of "
                    + inSample + " does; nothing is left to test out of sample");
        }
        return windows;
    }

    /**
     * Parses a span such as {@code 2y}, {@code 6m} (months), {@code 4w} or {@code 90d}.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Period parseSpan(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.length() >= 2) {
            try {
                int n = Integer.parseInt(t.substring(0, t.length() - 1));
                if (n > 0) {
                    switch (t.charAt(t.length() - 1)) {
                        case 'y' -> {
                            return Period.ofYears(n);
                        }
                        case 'm' -> {
                            return Period.ofMonths(n);
                        }
                        case 'w' -> {
                            return Period.ofWeeks(n);
                        }
                        case 'd' -> {
                            return Period.ofDays(n);
                        }
                        default -> {
                            // reported below
                        }
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a span like 2y, 6m (months), 4w or 90d");
    }
}
