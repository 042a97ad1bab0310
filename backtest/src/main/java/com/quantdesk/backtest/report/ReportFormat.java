package com.quantdesk.backtest.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers, durations and times; money is {@link RupeeFormat}'s job. */
final class ReportFormat {

    /** Times are shown as NSE shows them. */
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(IST);

    private ReportFormat() {
    }

    /** A fraction as a percentage with two decimals: {@code 0.12345 -> "12.35%"}. */
    static String percent(double fraction) {
        return fixed(fraction * 100, 2) + "%";
    }

    /** A ratio with two decimals; {@code "∞"} for positive infinity. */
    static String ratio(double value) {
        return value == Double.POSITIVE_INFINITY ? "∞" : fixed(value, 2);
    }

    /** {@code value} with {@code decimals} decimals, without the "-0.00" that rounding a tiny loss gives. */
    static String fixed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }

    /** A duration in days and hours, or hours and minutes under a day: {@code "12d 4h"}, {@code "6h 15m"}. */
    static String duration(Duration duration) {
        if (duration.toDays() > 0) {
            return duration.toDays() + "d " + duration.toHoursPart() + "h";
        }
        return duration.toHours() + "h " + duration.toMinutesPart() + "m";
    }

    /** An instant as IST date and time: {@code "2024-01-15 09:15"}. */
    static String dateTime(Instant time) {
        return DATE_TIME.format(time);
    }
}
