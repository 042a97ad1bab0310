package com.quantdesk.sim.data;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.OFFSET_SECONDS;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import com.quantdesk.core.market.NseCalendar;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/** Bar timestamps in CSV files: IST wall-clock text to instants and back. */
final class IstTimestamps {

    /** Daily bars are stamped with the session open, the time the day's first trade can happen. */
    static final LocalTime DAILY_BAR_TIME = NseCalendar.SESSION_OPEN;

    private static final DateTimeFormatter DATE_TIME_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .appendFraction(NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DATE_TIME_OUT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            // Prints nothing for whole seconds, so sub-second bar times survive a round trip.
            .appendFraction(NANO_OF_SECOND, 0, 9, true)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private IstTimestamps() {
    }

    /**
     * Parses {@code yyyy-MM-dd} (a daily bar, stamped 09:15 IST) or {@code yyyy-MM-dd HH:mm[:ss[.f]]}
     * with a space or {@code T}, read as IST unless an offset such as {@code +05:30} or {@code Z} follows.
     *
     * @throws DateTimeException if the text is none of these
     */
    static Instant parse(String text) {
        if (text.length() == 10) {
            return dailyBarTime(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        }
        String iso = text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 't')
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        TemporalAccessor parsed = DATE_TIME_IN.parse(iso);
        LocalDateTime local = LocalDateTime.from(parsed);
        return parsed.isSupported(OFFSET_SECONDS)
                ? local.toInstant(ZoneOffset.from(parsed))
                : local.atZone(NseCalendar.IST).toInstant();
    }

    /** The time of the daily bar of {@code date}. */
    static Instant dailyBarTime(LocalDate date) {
        return ZonedDateTime.of(date, DAILY_BAR_TIME, NseCalendar.IST).toInstant();
    }

    /** Whether {@code time} is exactly 09:15 IST, the stamp of a daily bar. */
    static boolean isDailyBarTime(Instant time) {
        return time.atZone(NseCalendar.IST).toLocalTime().equals(DAILY_BAR_TIME);
    }

    /** {@code yyyy-MM-dd} in IST. */
    static String formatDate(Instant time) {
        return time.atZone(NseCalendar.IST).toLocalDate().toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in IST, with a fraction only if the time has one. */
    static String formatDateTime(Instant time) {
        return DATE_TIME_OUT.format(time.atZone(NseCalendar.IST));
    }
}
