package com.quantdesk.core.market;

import com.quantdesk.core.time.MarketTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * NSE trading days and the normal-market session (09:15 inclusive to 15:30 exclusive, IST): the one
 * calendar that the risk engine, the feeds and the synthetic market all read.
 *
 * <p>A trading day is a Monday to Friday that is not in the holiday set. The holiday list is
 * configuration, not code, because NSE publishes it yearly and adds ad-hoc closures; special
 * sessions such as Muhurat trading are not modelled.
 *
 * @param holidays weekdays on which the exchange is closed
 */
public record NseCalendar(Set<LocalDate> holidays) implements MarketHours {

    /** Indian Standard Time; India has no daylight saving, so the offset is always +05:30. */
    public static final ZoneId IST = MarketTime.IST;

    /** Start of the normal market. */
    public static final LocalTime SESSION_OPEN = MarketTime.OPEN;

    /** End of the normal market. */
    public static final LocalTime SESSION_CLOSE = MarketTime.CLOSE;

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long OPEN_SECOND = SESSION_OPEN.toSecondOfDay();
    private static final long CLOSE_SECOND = SESSION_CLOSE.toSecondOfDay();

    /** Copies the holiday set. */
    public NseCalendar {
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
    }

    /** A calendar in which every Monday to Friday is a trading day. */
    public static NseCalendar weekdays() {
        return new NseCalendar(Set.of());
    }

    /** This calendar with {@code holidays} as its holiday set (replacing the current one). */
    public NseCalendar withHolidays(Set<LocalDate> holidays) {
        return new NseCalendar(holidays);
    }

    /** Whether NSE's normal market is open on {@code date}. */
    @Override
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * The trading days from {@code from} to {@code to}, both inclusive, in order.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isTradingDay(day)) {
                days.add(day);
            }
        }
        return List.copyOf(days);
    }

    /** The instant the normal market opens on {@code date} (09:15 IST). */
    public Instant sessionOpen(LocalDate date) {
        return ZonedDateTime.of(date, SESSION_OPEN, IST).toInstant();
    }

    /** The instant the normal market closes on {@code date} (15:30 IST). */
    public Instant sessionClose(LocalDate date) {
        return ZonedDateTime.of(date, SESSION_CLOSE, IST).toInstant();
    }

    /** Whether {@code time} falls in the normal market of a trading day: open inclusive, close exclusive. */
    public boolean isInSession(Instant time) {
        return isOpen(time);
    }

    @Override
    public boolean isOpen(Instant time) {
        // Asked about once a second of engine time: no Optional, no Instant, and a date only for holidays.
        long local = time.getEpochSecond() + MarketTime.IST_OFFSET_SECONDS;
        long second = Math.floorMod(local, SECONDS_PER_DAY);
        if (second < OPEN_SECOND || second >= CLOSE_SECOND) {
            return false;
        }
        long day = Math.floorDiv(local, SECONDS_PER_DAY);
        // 1970-01-01, epoch day 0, was a Thursday: Monday is 0 here, Saturday 5 and Sunday 6.
        long weekday = Math.floorMod(day + 3, 7);
        return weekday < 5 && (holidays.isEmpty() || !holidays.contains(LocalDate.ofEpochDay(day)));
    }

    @Override
    public Optional<Instant> openSince(Instant time) {
        // Asked on every bar: IST is a fixed +05:30, so plain arithmetic on epoch seconds answers it
        // without building zoned date-times.
        long local = time.getEpochSecond() + MarketTime.IST_OFFSET_SECONDS;
        long second = Math.floorMod(local, SECONDS_PER_DAY);
        if (second < OPEN_SECOND || second >= CLOSE_SECOND) {
            return Optional.empty();
        }
        long day = Math.floorDiv(local, SECONDS_PER_DAY);
        if (!isTradingDay(LocalDate.ofEpochDay(day))) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(day * SECONDS_PER_DAY + OPEN_SECOND - MarketTime.IST_OFFSET_SECONDS));
    }
}
