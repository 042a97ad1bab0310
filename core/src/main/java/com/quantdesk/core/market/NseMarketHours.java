package com.quantdesk.core.market;

import com.quantdesk.core.time.MarketTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * NSE's normal market: 09:15 (inclusive) to 15:30 (exclusive) IST, Monday to Friday, except the
 * exchange holidays, which are configuration because NSE publishes them yearly and adds ad-hoc
 * closures.
 *
 * @param holidays weekdays on which the exchange is closed
 */
public record NseMarketHours(Set<LocalDate> holidays) implements MarketHours {

    /** Copies the holiday set. */
    public NseMarketHours {
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
    }

    /** Whether {@code date} is a trading day: a weekday that is not a holiday. */
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    @Override
    public Optional<Instant> openSince(Instant time) {
        ZonedDateTime local = time.atZone(MarketTime.IST);
        LocalTime clock = local.toLocalTime();
        if (!isTradingDay(local.toLocalDate()) || clock.isBefore(MarketTime.OPEN) || !clock.isBefore(MarketTime.CLOSE)) {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.of(local.toLocalDate(), MarketTime.OPEN, MarketTime.IST).toInstant());
    }
}
