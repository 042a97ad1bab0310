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

    @Test
    void openSinceAndIsOpenAgreeWithTheZonedDateTimeReadingOfTheSession() {
        NseCalendar calendar = new NseCalendar(Set.of(LocalDate.of(2024, 1, 26), LocalDate.of(2024, 3, 8)));
        // Instants from 1960 to 2060, to the nanosecond, and the seconds either side of open and close.
        org.quicktheories.QuickTheory.qt().withExamples(20_000).forAll(
                org.quicktheories.generators.SourceDSL.longs().between(-315_619_200L, 2_871_763_200L),
                org.quicktheories.generators.SourceDSL.integers().between(0, 999_999_999),
                org.quicktheories.generators.SourceDSL.integers().between(-2, 2)).checkAssert((seconds, nanos, edge) -> {
                    Instant time = Instant.ofEpochSecond(seconds, nanos);
                    java.time.ZonedDateTime local = time.atZone(NseCalendar.IST);
                    if (edge != 0) {
                        java.time.LocalTime at = edge > 0 ? NseCalendar.SESSION_CLOSE : NseCalendar.SESSION_OPEN;
                        time = local.with(at).plusSeconds(Math.abs(edge) == 1 ? 0 : -1).toInstant();
                        local = time.atZone(NseCalendar.IST);
                    }
                    java.time.LocalTime clock = local.toLocalTime();
                    boolean open = calendar.isTradingDay(local.toLocalDate()) && !clock.isBefore(NseCalendar.SESSION_OPEN)
                            && clock.isBefore(NseCalendar.SESSION_CLOSE);
                    assertThat(calendar.openSince(time)).as("%s", time)
                            .isEqualTo(open ? java.util.Optional.of(calendar.sessionOpen(local.toLocalDate()))
                                    : java.util.Optional.empty());
                    assertThat(calendar.isOpen(time)).as("isOpen %s", time).isEqualTo(open);
                });
    }
}
