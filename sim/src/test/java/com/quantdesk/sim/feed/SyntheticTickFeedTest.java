package com.quantdesk.sim.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.NseCalendar;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.data.SyntheticMarket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticTickFeedTest {

    private static Instant ist(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NseCalendar.IST).toInstant();
    }

    private static SyntheticTickFeed feed(SyntheticFeedConfig config, String start) {
        return new SyntheticTickFeed(config, new ManualClock(ist(start)));
    }

    @Test
    void theSameSeedAndCallsGiveTheSameTicks() {
        SyntheticFeedConfig config = SyntheticFeedConfig.defaults(FeedMode.NSE_SESSION);
        SyntheticTickFeed whole = feed(config, "2025-01-06T09:15");
        SyntheticTickFeed inSteps = feed(config, "2025-01-06T09:15");
        SyntheticTickFeed otherSeed = feed(config.withSeed(7), "2025-01-06T09:15");

        List<Tick> once = whole.next(ist("2025-01-06T09:25"));
        List<Tick> stepwise = new ArrayList<>(inSteps.next(ist("2025-01-06T09:17:30.5")));
        stepwise.addAll(inSteps.next(ist("2025-01-06T09:25")));

        assertThat(once).isNotEmpty().isEqualTo(stepwise);
        assertThat(otherSeed.next(ist("2025-01-06T09:25"))).isNotEqualTo(once);
        assertThat(whole.next(ist("2025-01-06T09:25"))).isEmpty();
    }

    @Test
    void aFeedStartingInThePastGivesItsHistoryOnTheFirstPollThenRunsOn() {
        SyntheticFeedConfig config = SyntheticFeedConfig.defaults(FeedMode.DEMO);
        ManualClock clock = new ManualClock(ist("2025-01-06T11:00"));
        SyntheticTickFeed warm = new SyntheticTickFeed(config, InstrumentMaster.nifty50(), clock,
                ist("2025-01-06T10:00"));
        SyntheticTickFeed reference = feed(config, "2025-01-06T10:00");

        List<Tick> history = warm.poll();
        assertThat(history).isNotEmpty().isEqualTo(reference.next(ist("2025-01-06T11:00")));
        assertThat(history.getFirst().time()).isEqualTo(ist("2025-01-06T10:00"));
        assertThat(history.getLast().time()).isEqualTo(ist("2025-01-06T11:00"));
        assertThat(warm.poll()).isEmpty();
        clock.set(ist("2025-01-06T11:00:05"));
        assertThat(warm.poll()).isEqualTo(reference.next(ist("2025-01-06T11:00:05")));
    }

    @Test
    void coversTheNifty50FromTheSyntheticMarketsStartPricesOnTheirTicks() {
        SyntheticTickFeed feed = feed(SyntheticFeedConfig.defaults(FeedMode.NSE_SESSION), "2025-01-06T09:00");

        List<Tick> open = feed.next(ist("2025-01-06T09:15"));

        assertThat(feed.instruments().size()).isEqualTo(50);
        assertThat(open).hasSize(50).allMatch(tick -> tick.time().equals(ist("2025-01-06T09:15")));
        for (Tick tick : open) {
            assertThat(InstrumentMaster.nifty50().contains(tick.symbol())).isTrue();
            assertThat(tick.price()).isEqualTo(SyntheticMarket.startPricePaise(42, tick.symbol()));
        }
        List<Tick> day = feed.next(ist("2025-01-06T15:30"));
        assertThat(day).allSatisfy(tick -> {
            assertThat(tick.price()).isPositive();
            assertThat(feed.instruments().get(tick.symbol()).isOnTick(tick.price())).isTrue();
            assertThat(tick.size()).isPositive();
        });
    }

    @Test
    void sessionModeTicksOnlyInTheSessionOfTradingDays() {
        LocalDate holiday = LocalDate.of(2025, 1, 13); // a Monday
        SyntheticFeedConfig config = SyntheticFeedConfig.defaults(FeedMode.NSE_SESSION)
                .withCalendar(NseCalendar.weekdays().withHolidays(Set.of(holiday)));
        SyntheticTickFeed feed = feed(config, "2025-01-10T15:29:50"); // Friday

        List<Tick> toTuesday = feed.next(ist("2025-01-14T09:14:59.999"));
        List<Tick> tuesdayOpen = feed.next(ist("2025-01-14T09:15"));

        assertThat(toTuesday).isNotEmpty().allMatch(tick -> config.calendar().isInSession(tick.time()));
        assertThat(toTuesday.getLast().time()).isEqualTo(ist("2025-01-10T15:29:59"));
        assertThat(tuesdayOpen).hasSize(50).allMatch(tick -> tick.time().equals(ist("2025-01-14T09:15")));
    }

    @Test
    void demoModeOpensWithAPrintAndTradesAtAnyHour() {
        SyntheticTickFeed feed = feed(SyntheticFeedConfig.defaults(FeedMode.DEMO), "2025-01-11T02:00"); // Saturday night

        List<Tick> first = feed.next(ist("2025-01-11T02:00"));
        List<Tick> minute = feed.next(ist("2025-01-11T02:01"));

        assertThat(first).hasSize(50);
        assertThat(minute.size()).isBetween(50 * 60 / 3, 50 * 60 * 2 / 3); // half the symbols trade in a quiet step
        assertThat(minute).allMatch(tick -> tick.time().isAfter(ist("2025-01-11T02:00")));
    }

    @Test
    void theOpeningPrintCarriesThePreOpenBook() {
        SyntheticTickFeed feed = feed(SyntheticFeedConfig.defaults(FeedMode.NSE_SESSION), "2025-01-06T09:15");

        double openingSize = meanSize(feed.next(ist("2025-01-06T09:15")));
        double firstMinuteSize = meanSize(feed.next(ist("2025-01-06T09:16")));

        assertThat(openingSize).isGreaterThan(5 * firstMinuteSize);
    }

    @Test
    void theOpenAndTheCloseAreBusierAndMoreVolatileThanMidday() {
        SyntheticTickFeed feed = feed(SyntheticFeedConfig.defaults(FeedMode.NSE_SESSION), "2025-01-06T09:15");
        feed.next(ist("2025-01-06T09:15")); // opening print
        List<Tick> open = feed.next(ist("2025-01-06T09:45"));
        feed.next(ist("2025-01-06T12:07"));
        List<Tick> midday = feed.next(ist("2025-01-06T12:37"));
        feed.next(ist("2025-01-06T15:00"));
        List<Tick> close = feed.next(ist("2025-01-06T15:30"));

        assertThat(open.size()).isGreaterThan(midday.size() * 3 / 2);
        assertThat(close.size()).isGreaterThan(midday.size() * 3 / 2);
        assertThat(meanSize(open)).isGreaterThan(2 * meanSize(midday));
        assertThat(meanAbsoluteLogReturn(open)).isGreaterThan(1.5 * meanAbsoluteLogReturn(midday));
    }

    private static double meanSize(List<Tick> ticks) {
        return ticks.stream().mapToLong(Tick::size).average().orElseThrow();
    }

    /** Mean |log return| between consecutive ticks of a symbol, over all symbols. */
    private static double meanAbsoluteLogReturn(List<Tick> ticks) {
        return ticks.stream().collect(Collectors.groupingBy(Tick::symbol)).values().stream()
                .flatMap(series -> {
                    List<Double> returns = new ArrayList<>();
                    for (int i = 1; i < series.size(); i++) {
                        returns.add(Math.abs(Math.log((double) series.get(i).price() / series.get(i - 1).price())));
                    }
                    return returns.stream();
                })
                .mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void aSlowerIntervalGivesFewerSteps() {
        SyntheticTickFeed feed = feed(SyntheticFeedConfig.defaults(FeedMode.DEMO).withInterval(Duration.ofSeconds(10)),
                "2025-01-11T02:00");

        List<Tick> ticks = feed.next(ist("2025-01-11T02:01"));

        Set<Instant> steps = ticks.stream().map(Tick::time).collect(Collectors.toSet());
        assertThat(steps).hasSize(7); // 02:00:00 (the print) to 02:01:00 every 10 s
        assertThat(ticks.stream().map(Tick::symbol).distinct().count()).isEqualTo(50);
        assertThat(ticks).extracting(Tick::symbol).contains(Symbol.of("RELIANCE"));
    }
}
