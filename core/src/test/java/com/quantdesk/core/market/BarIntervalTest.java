package com.quantdesk.core.market;

import static com.quantdesk.core.market.Ist.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BarIntervalTest {

    private static long second(String ist) {
        return at(ist).getEpochSecond();
    }

    @Test
    void fiveMinuteGridStartsAtTheOpen() {
        assertThat(BarInterval.FIVE_MINUTES.barTime(at("2025-01-06T09:19:59.999"))).isEqualTo(at("2025-01-06T09:15"));
        assertThat(BarInterval.FIVE_MINUTES.barTime(at("2025-01-06T09:20"))).isEqualTo(at("2025-01-06T09:20"));
        assertThat(BarInterval.FIVE_MINUTES.bucketEnd(second("2025-01-06T15:29:59"))).isEqualTo(second("2025-01-06T15:30"));
    }

    @Test
    void hourlyGridIsCutAtTheCloseAndResumesFromIt() {
        BarInterval hour = BarInterval.ONE_HOUR;
        assertThat(hour.barTime(at("2025-01-06T15:20"))).isEqualTo(at("2025-01-06T15:15"));
        assertThat(hour.bucketEnd(second("2025-01-06T15:20"))).isEqualTo(second("2025-01-06T15:30"));
        assertThat(hour.barTime(at("2025-01-06T16:00"))).isEqualTo(at("2025-01-06T15:30"));
        assertThat(hour.bucketEnd(second("2025-01-06T23:45"))).isEqualTo(second("2025-01-07T00:00"));
    }

    @Test
    void beforeTheOpenTheGridRunsBackFromTheOpenAndStopsAtMidnight() {
        BarInterval hour = BarInterval.ONE_HOUR;
        assertThat(hour.barTime(at("2025-01-06T09:14:59"))).isEqualTo(at("2025-01-06T08:15"));
        assertThat(hour.bucketEnd(second("2025-01-06T09:14:59"))).isEqualTo(second("2025-01-06T09:15"));
        assertThat(hour.barTime(at("2025-01-06T00:10"))).isEqualTo(at("2025-01-06T00:00"));
        assertThat(hour.bucketEnd(second("2025-01-06T00:10"))).isEqualTo(second("2025-01-06T00:15"));
    }

    @Test
    void dailyBucketIsTheIstDayStampedAtTheOpen() {
        BarInterval day = BarInterval.ONE_DAY;
        assertThat(day.bucketStart(second("2025-01-06T03:00"))).isEqualTo(second("2025-01-06T00:00"));
        assertThat(day.bucketEnd(second("2025-01-06T23:59:59"))).isEqualTo(second("2025-01-07T00:00"));
        assertThat(day.barTime(at("2025-01-06T20:00"))).isEqualTo(at("2025-01-06T09:15"));
    }

    @Test
    void acceptsOnlyWholeMinutesUpToTheSessionOrOneDay() {
        assertThat(BarInterval.ofMinutes(375).toString()).isEqualTo("375m");
        assertThat(BarInterval.ONE_HOUR.toString()).isEqualTo("1h");
        assertThat(BarInterval.ONE_DAY.toString()).isEqualTo("1d");
        assertThatThrownBy(() -> BarInterval.ofMinutes(376)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BarInterval(Duration.ofSeconds(90))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarInterval.ofMinutes(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
