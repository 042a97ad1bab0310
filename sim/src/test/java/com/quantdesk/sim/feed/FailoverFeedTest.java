package com.quantdesk.sim.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.core.market.NseCalendar;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickSource;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverFeedTest {

    private static final Symbol INFY = Symbol.of("INFY");

    private final ManualClock clock = new ManualClock(ist("2025-01-06T10:00"));
    private final FakeSource primary = new FakeSource(100_000);
    private final FakeSource secondary = new FakeSource(200_000);
    private final List<FeedSwitched> switches = new ArrayList<>();
    private final FailoverFeed feed = new FailoverFeed(primary, secondary, clock,
            new FailoverConfig(Duration.ofSeconds(10), Duration.ofSeconds(30), MarketHours.nse(Set.of())),
            switches::add);

    private static Instant ist(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NseCalendar.IST).toInstant();
    }

    /** A source that returns what the test queued. */
    private static final class FakeSource implements TickSource {

        private final long price;
        private final List<Tick> queued = new ArrayList<>();

        FakeSource(long price) {
            this.price = price;
        }

        void tickAt(Instant time) {
            queued.add(new Tick(INFY, time, price, 1));
        }

        @Override
        public List<Tick> poll() {
            List<Tick> ticks = List.copyOf(queued);
            queued.clear();
            return ticks;
        }
    }

    /** Advances one second; the given sources tick at the new time; the feed is polled. */
    private List<Tick> second(FakeSource... ticking) {
        clock.advance(Duration.ofSeconds(1));
        for (FakeSource source : ticking) {
            source.tickAt(clock.instant());
        }
        return feed.poll();
    }

    @Test
    void usesThePrimaryWhileItTicks() {
        for (int i = 0; i < 60; i++) {
            assertThat(second(primary, secondary)).extracting(Tick::price).containsExactly(100_000L);
        }
        assertThat(switches).isEmpty();
        assertThat(feed.active()).isEqualTo(FeedRole.PRIMARY);
    }

    @Test
    void switchesToTheSecondaryWhenThePrimaryGoesStaleAndBackWhenItHasRecovered() {
        second(primary, secondary); // 10:00:01, last primary tick
        for (int i = 0; i < 9; i++) {
            assertThat(second(secondary)).isEmpty(); // to 10:00:10
        }

        List<Tick> atStale = second(secondary); // 10:00:11

        assertThat(atStale).extracting(Tick::price).containsExactly(200_000L);
        assertThat(switches).containsExactly(new FeedSwitched(FeedRole.SECONDARY, ist("2025-01-06T10:00:11"),
                "primary stale since 2025-01-06 10:00:01 IST, switched to secondary"));

        clock.set(ist("2025-01-06T10:01"));
        for (int i = 0; i < 30; i++) {
            assertThat(second(primary, secondary)).extracting(Tick::price).containsExactly(200_000L); // to 10:01:30
        }
        List<Tick> back = second(primary, secondary); // 10:01:31, 30 s after the first fresh tick

        assertThat(back).extracting(Tick::price).containsExactly(100_000L);
        assertThat(switches).hasSize(2).last().isEqualTo(new FeedSwitched(FeedRole.PRIMARY,
                ist("2025-01-06T10:01:31"),
                "primary recovered, ticking again since 2025-01-06 10:01:01 IST, switched back to primary"));
        assertThat(feed.active()).isEqualTo(FeedRole.PRIMARY);
    }

    @Test
    void aPrimaryThatFlickersBackAndDiesAgainIsNotTrusted() {
        clock.set(ist("2025-01-06T10:00:20"));
        second(secondary);
        assertThat(feed.active()).isEqualTo(FeedRole.SECONDARY); // never ticked: stale from construction

        for (int i = 0; i < 5; i++) {
            second(primary, secondary);
        }
        for (int i = 0; i < 60; i++) {
            assertThat(second(secondary)).extracting(Tick::price).containsExactly(200_000L);
        }

        assertThat(switches).hasSize(1);
        assertThat(switches.getFirst().message())
                .isEqualTo("primary stale since 2025-01-06 10:00:00 IST, switched to secondary");
    }

    @Test
    void silenceAfterTheCloseDoesNotSwitch() {
        clock.set(ist("2025-01-06T15:29:58"));
        second(primary, secondary); // 15:29:59

        clock.set(ist("2025-01-07T09:15:05"));
        List<Tick> nextMorning = second(secondary);

        assertThat(nextMorning).isEmpty();
        assertThat(switches).isEmpty();
        clock.set(ist("2025-01-07T09:15:09"));
        second(secondary); // 09:15:10, ten seconds into the session
        assertThat(switches).extracting(FeedSwitched::active).containsExactly(FeedRole.SECONDARY);
    }
}
