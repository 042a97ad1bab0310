package com.quantdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NseCalendarTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);

    @Test
    void weekdaysAreTradingDaysAndWeekendsAreNot() {
        NseCalendar calendar = NseCalendar.weekdays();

        assertThat(calendar.isTradingDay(MONDAY)).isTrue();
        assertThat(calendar.isTradingDay(MONDAY.plusDays(4))).isTrue();
        assertThat(calendar.isTradingDay(MONDAY.plusDays(5))).isFalse();
        assertThat(calendar.isTradingDay(MONDAY.plusDays(6))).isFalse();
    }

    @Test
    void holidaysAreNotTradingDays() {
        LocalDate holi = LocalDate.of(2025, 3, 14);
        NseCalendar calendar = NseCalendar.weekdays().withHolidays(Set.of(holi));

        assertThat(calendar.isTradingDay(holi)).isFalse();
        assertThat(calendar.tradingDays(MONDAY, MONDAY.plusDays(6)))
                .containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3));
    }

    @Test
    void withHolidaysReplacesTheHolidaySet() {
        NseCalendar calendar = NseCalendar.weekdays()
                .withHolidays(Set.of(MONDAY))
                .withHolidays(Set.of(MONDAY.plusDays(1)));

        assertThat(calendar.holidays()).containsExactly(MONDAY.plusDays(1));
    }

    @Test
    void tradingDaysIncludesBothEnds() {
        assertThat(NseCalendar.weekdays().tradingDays(MONDAY, MONDAY)).containsExactly(MONDAY);
        assertThat(NseCalendar.weekdays().tradingDays(MONDAY.minusDays(1), MONDAY.minusDays(1))).isEmpty();
        assertThatThrownBy(() -> NseCalendar.weekdays().tradingDays(MONDAY, MONDAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from 2025-03-10 is after to 2025-03-09");
    }

    @Test
    void sessionRunsFrom0915To1530Ist() {
        NseCalendar calendar = NseCalendar.weekdays();

        assertThat(calendar.sessionOpen(MONDAY)).isEqualTo(Instant.parse("2025-03-10T03:45:00Z"));
        assertThat(calendar.sessionClose(MONDAY)).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
        assertThat(calendar.isInSession(Instant.parse("2025-03-10T03:45:00Z"))).isTrue();
        assertThat(calendar.isInSession(Instant.parse("2025-03-10T03:44:59Z"))).isFalse();
        assertThat(calendar.isInSession(Instant.parse("2025-03-10T09:59:59Z"))).isTrue();
        assertThat(calendar.isInSession(Instant.parse("2025-03-10T10:00:00Z"))).isFalse();
        assertThat(calendar.isInSession(Instant.parse("2025-03-15T05:00:00Z"))).isFalse();
    }
}
