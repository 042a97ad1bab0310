package com.quantdesk.core.market;

import static com.quantdesk.core.market.Ist.at;
import static com.quantdesk.core.market.Ist.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {

    private static final Symbol INFY = Symbol.of("INFY");
    private static final Symbol TCS = Symbol.of("TCS");

    private final List<Bar> bars = new ArrayList<>();

    private BarAggregator aggregator(BarInterval interval) {
        return new BarAggregator(interval, bars::add);
    }

    @Test
    void tickJustBeforeTheBoundaryBelongsToTheEarlierBarAndTheBoundaryStartsTheNext() {
        BarAggregator five = aggregator(BarInterval.FIVE_MINUTES);

        five.onTick(tick("INFY", "2025-01-06T09:15:00", 150_000, 10));
        five.onTick(tick("INFY", "2025-01-06T09:17:30", 150_500, 5));
        five.onTick(tick("INFY", "2025-01-06T09:18:00", 149_800, 7));
        five.onTick(tick("INFY", "2025-01-06T09:19:59.999", 150_100, 3));
        assertThat(bars).isEmpty();

        five.onTick(tick("INFY", "2025-01-06T09:20:00", 150_200, 4));

        assertThat(bars).containsExactly(
                new Bar(INFY, at("2025-01-06T09:15"), 150_000, 150_500, 149_800, 150_100, 25));
    }

    @Test
    void flushClosesABarOnceItsEndHasPassedEvenWithoutFurtherTicks() {
        BarAggregator one = aggregator(BarInterval.ONE_MINUTE);
        one.onTick(tick("INFY", "2025-01-06T09:15:10", 150_000, 10));
        one.onTick(tick("TCS", "2025-01-06T09:15:20", 400_000, 2));

        one.flush(at("2025-01-06T09:15:59.999"));
        assertThat(bars).isEmpty();

        one.flush(at("2025-01-06T09:16:00"));
        assertThat(bars).containsExactly(
                new Bar(INFY, at("2025-01-06T09:15"), 150_000, 150_000, 150_000, 150_000, 10),
                new Bar(TCS, at("2025-01-06T09:15"), 400_000, 400_000, 400_000, 400_000, 2));

        one.flush(at("2025-01-06T09:20"));
        assertThat(bars).hasSize(2);
    }

    @Test
    void intervalsWithoutTicksHaveNoBar() {
        BarAggregator one = aggregator(BarInterval.ONE_MINUTE);
        one.onTick(tick("INFY", "2025-01-06T09:15:10", 150_000, 1));
        one.onTick(tick("INFY", "2025-01-06T09:18:30", 151_000, 2));
        one.flush(at("2025-01-06T09:30"));

        assertThat(bars).extracting(Bar::time).containsExactly(at("2025-01-06T09:15"), at("2025-01-06T09:18"));
    }

    @Test
    void aLatePrintForABarAlreadyClosedByTheTimerIsCountedNotAdded() {
        BarAggregator one = aggregator(BarInterval.ONE_MINUTE);
        one.onTick(tick("INFY", "2025-01-06T09:15:10", 150_000, 1));
        one.flush(at("2025-01-06T09:16:00.050"));

        one.onTick(tick("INFY", "2025-01-06T09:15:59.900", 160_000, 1));
        one.onTick(tick("INFY", "2025-01-06T09:16:10", 150_100, 1));
        one.flush(at("2025-01-06T09:17"));

        assertThat(one.lateTicks()).isEqualTo(1);
        assertThat(bars).containsExactly(
                new Bar(INFY, at("2025-01-06T09:15"), 150_000, 150_000, 150_000, 150_000, 1),
                new Bar(INFY, at("2025-01-06T09:16"), 150_100, 150_100, 150_100, 150_100, 1));
    }

    @Test
    void hourlyBarsStartAtQuarterPastAndTheLastOneEndsAtTheClose() {
        BarAggregator hour = aggregator(BarInterval.ONE_HOUR);
        hour.onTick(tick("INFY", "2025-01-06T09:15", 100_000, 1));
        hour.onTick(tick("INFY", "2025-01-06T10:14:59", 101_000, 1));
        hour.onTick(tick("INFY", "2025-01-06T10:15", 102_000, 1));
        hour.onTick(tick("INFY", "2025-01-06T15:15", 103_000, 1));
        hour.onTick(tick("INFY", "2025-01-06T15:29:59", 104_000, 1));

        hour.flush(at("2025-01-06T15:29:59.999"));
        assertThat(bars).hasSize(2);
        hour.flush(at("2025-01-06T15:30"));

        assertThat(bars).containsExactly(
                new Bar(INFY, at("2025-01-06T09:15"), 100_000, 101_000, 100_000, 101_000, 2),
                new Bar(INFY, at("2025-01-06T10:15"), 102_000, 102_000, 102_000, 102_000, 1),
                new Bar(INFY, at("2025-01-06T15:15"), 103_000, 104_000, 103_000, 104_000, 2));
    }

    @Test
    void dailyBarsAreStampedAtTheOpenAndCloseAtIstMidnight() {
        BarAggregator day = aggregator(BarInterval.ONE_DAY);
        day.onTick(tick("INFY", "2025-01-06T09:15", 100_000, 10));
        day.onTick(tick("INFY", "2025-01-06T12:00", 99_000, 20));
        day.onTick(tick("INFY", "2025-01-06T15:29", 100_500, 30));
        day.onTick(tick("INFY", "2025-01-06T15:45", 100_600, 40));
        day.flush(at("2025-01-06T23:59:59"));
        assertThat(bars).isEmpty();

        day.onTick(tick("INFY", "2025-01-07T09:15", 101_000, 5));
        day.flush(at("2025-01-08T00:00"));

        assertThat(bars).containsExactly(
                new Bar(INFY, at("2025-01-06T09:15"), 100_000, 100_600, 99_000, 100_600, 100),
                new Bar(INFY, at("2025-01-07T09:15"), 101_000, 101_000, 101_000, 101_000, 5));
    }

    @Test
    void symbolsAreAggregatedSeparately() {
        BarAggregator five = aggregator(BarInterval.FIVE_MINUTES);
        five.onTick(tick("INFY", "2025-01-06T09:16", 150_000, 1));
        five.onTick(tick("TCS", "2025-01-06T09:21", 400_000, 1));
        assertThat(bars).isEmpty();

        five.onTick(tick("INFY", "2025-01-06T09:22", 150_500, 1));
        assertThat(bars).containsExactly(new Bar(INFY, at("2025-01-06T09:15"), 150_000, 150_000, 150_000, 150_000, 1));
    }

    @Test
    void aggregationReportsEveryIntervalShortestFirst() {
        List<String> seen = new ArrayList<>();
        BarAggregation aggregation = new BarAggregation(
                Set.of(BarInterval.FIFTEEN_MINUTES, BarInterval.ONE_MINUTE, BarInterval.FIVE_MINUTES),
                (interval, bar) -> seen.add(interval + " " + bar.time().atZone(com.quantdesk.core.time.MarketTime.IST)
                        .toLocalTime()));
        aggregation.onTick(tick("INFY", "2025-01-06T09:29:30", 150_000, 1));

        aggregation.flush(at("2025-01-06T09:30"));

        assertThat(aggregation.intervals()).containsExactly(BarInterval.ONE_MINUTE, BarInterval.FIVE_MINUTES,
                BarInterval.FIFTEEN_MINUTES);
        assertThat(seen).containsExactly("1m 09:29", "5m 09:25", "15m 09:15");
    }

    @Test
    void rejectsUnfilteredNonPositivePrices() {
        BarAggregator one = aggregator(BarInterval.ONE_MINUTE);

        assertThatThrownBy(() -> one.onTick(tick("INFY", "2025-01-06T09:15", 0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filter ticks first");
    }
}
