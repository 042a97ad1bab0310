package com.quantdesk.backtest.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {

    private static final Instant FIRST = LocalDate.of(2020, 1, 6).atTime(LocalTime.of(9, 15))
            .atZone(Windows.IST).toInstant();
    private static final Instant LAST = LocalDate.of(2024, 12, 31).atTime(LocalTime.of(9, 15))
            .atZone(Windows.IST).toInstant();

    @Test
    void rollingWindowsTileTheOutOfSampleSpanWithoutGapOrOverlap() {
        List<Window> windows = Windows.cut(FIRST, LAST, Period.ofYears(2), Period.ofMonths(6), false);

        assertThat(windows).hasSize(6);
        Instant start = LocalDate.of(2020, 1, 6).atStartOfDay(Windows.IST).toInstant();
        assertThat(windows.getFirst().inSampleFrom()).isEqualTo(start);
        assertThat(windows.getFirst().outOfSampleFrom())
                .isEqualTo(LocalDate.of(2022, 1, 6).atStartOfDay(Windows.IST).toInstant());
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            assertThat(w.inSampleTo()).isEqualTo(w.outOfSampleFrom());
            assertThat(w.number()).isEqualTo(i + 1);
            if (i > 0) {
                Window previous = windows.get(i - 1);
                assertThat(w.outOfSampleFrom()).isEqualTo(previous.outOfSampleTo());
                assertThat(w.inSampleFrom()).isAfter(previous.inSampleFrom());
            }
        }
        assertThat(windows.getLast().outOfSampleFrom()).isBeforeOrEqualTo(LAST);
        assertThat(windows.getLast().outOfSampleTo()).isAfter(LAST);
    }

    @Test
    void noOutOfSampleSpanOverlapsAnotherOrItsOwnInSampleSpan() {
        for (boolean anchored : new boolean[] {false, true}) {
            List<Window> windows = Windows.cut(FIRST, LAST, Period.ofMonths(18), Period.ofMonths(4), anchored);
            for (Window a : windows) {
                assertThat(a.inSampleTo()).isBeforeOrEqualTo(a.outOfSampleFrom());
                for (Window b : windows) {
                    if (a != b) {
                        boolean disjoint = !a.outOfSampleFrom().isBefore(b.outOfSampleTo())
                                || !b.outOfSampleFrom().isBefore(a.outOfSampleTo());
                        assertThat(disjoint).as("%s and %s", a, b).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void anchoredWindowsAllStartAtTheBeginningAndGrow() {
        List<Window> windows = Windows.cut(FIRST, LAST, Period.ofYears(2), Period.ofYears(1), true);

        assertThat(windows).hasSize(3);
        assertThat(windows).extracting(Window::inSampleFrom).containsOnly(windows.getFirst().inSampleFrom());
        assertThat(windows.get(2).inSampleTo()).isEqualTo(LocalDate.of(2024, 1, 6).atStartOfDay(Windows.IST).toInstant());
    }

    @Test
    void dataShorterThanOneInSampleSpanIsRejected() {
        assertThatThrownBy(() -> Windows.cut(FIRST, LAST, Period.ofYears(5), Period.ofMonths(6), false))
                .hasMessage("the data (2020-01-06 to 2024-12-31) ends before the first in-sample span of P5Y does; "
                        + "nothing is left to test out of sample");
    }

    @Test
    void parsesSpans() {
        assertThat(Windows.parseSpan("2y")).isEqualTo(Period.ofYears(2));
        assertThat(Windows.parseSpan("6m")).isEqualTo(Period.ofMonths(6));
        assertThat(Windows.parseSpan("4w")).isEqualTo(Period.ofWeeks(4));
        assertThat(Windows.parseSpan("90d")).isEqualTo(Period.ofDays(90));
        assertThatThrownBy(() -> Windows.parseSpan("6x")).hasMessage(
                "'6x' is not a span like 2y, 6m (months), 4w or 90d");
        assertThatThrownBy(() -> Windows.parseSpan("0y")).isInstanceOf(IllegalArgumentException.class);
    }
}
