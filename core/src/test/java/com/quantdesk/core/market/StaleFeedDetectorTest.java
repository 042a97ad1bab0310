package com.quantdesk.core.market;

import static com.quantdesk.core.market.Ist.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.market.FeedHealthEvent.Recovered;
import com.quantdesk.core.market.FeedHealthEvent.WentStale;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaleFeedDetectorTest {

    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

    private final List<FeedHealthEvent<String>> events = new ArrayList<>();
    private final ManualClock clock = new ManualClock(at("2025-01-06T10:00"));

    private StaleFeedDetector<String> detector(MarketHours hours) {
        return new StaleFeedDetector<>(THIRTY_SECONDS, hours, clock, events::add);
    }

    private void advanceTo(String ist) {
        clock.set(at(ist));
    }

    @Test
    void reportsStaleOncePerEpisodeAndRecoveryWhenTicksResume() {
        StaleFeedDetector<String> detector = detector(MarketHours.nse(Set.of()));
        detector.onTick("kite", at("2025-01-06T10:00"));

        advanceTo("2025-01-06T10:00:29.999");
        detector.check();
        assertThat(events).isEmpty();

        advanceTo("2025-01-06T10:00:30");
        detector.check();
        advanceTo("2025-01-06T10:05");
        detector.check();
        assertThat(events).containsExactly(new WentStale<>("kite", at("2025-01-06T10:00"), at("2025-01-06T10:00:30")));
        assertThat(detector.isStale("kite")).isTrue();

        detector.onTick("kite", at("2025-01-06T10:04:59"));
        assertThat(events).element(1).isEqualTo(new Recovered<>("kite", at("2025-01-06T10:00"),
                at("2025-01-06T10:04:59"), at("2025-01-06T10:05")));
        assertThat(detector.isStale("kite")).isFalse();

        advanceTo("2025-01-06T10:05:28.999");
        detector.check();
        assertThat(events).hasSize(2);
        advanceTo("2025-01-06T10:05:29");
        detector.check();
        assertThat(events).hasSize(3).last().isEqualTo(
                new WentStale<>("kite", at("2025-01-06T10:04:59"), at("2025-01-06T10:05:29")));
    }

    @Test
    void aReplayedOldTickDoesNotEndAnEpisode() {
        StaleFeedDetector<String> detector = detector(MarketHours.nse(Set.of()));
        detector.onTick("kite", at("2025-01-06T10:00"));
        advanceTo("2025-01-06T10:01");
        detector.check();

        detector.onTick("kite", at("2025-01-06T10:00:20"));

        assertThat(detector.isStale("kite")).isTrue();
        assertThat(events).hasSize(1);
        assertThat(detector.lastTick("kite")).contains(at("2025-01-06T10:00:20"));
    }

    @Test
    void silenceOutsideTheSessionIsNotStaleness() {
        StaleFeedDetector<String> detector = detector(MarketHours.nse(Set.of()));
        detector.onTick("kite", at("2025-01-06T15:29:59"));

        advanceTo("2025-01-07T09:15:29");
        detector.check();
        assertThat(events).isEmpty();

        advanceTo("2025-01-07T09:15:30");
        detector.check();
        assertThat(events).containsExactly(new WentStale<>("kite", at("2025-01-06T15:29:59"), at("2025-01-07T09:15:30")));
    }

    @Test
    void weekendsAndHolidaysAreClosed() {
        LocalDate holiday = LocalDate.of(2025, 1, 13);
        StaleFeedDetector<String> detector = detector(MarketHours.nse(Set.of(holiday)));
        detector.onTick("kite", at("2025-01-10T15:29")); // Friday

        advanceTo("2025-01-11T12:00"); // Saturday
        detector.check();
        advanceTo("2025-01-13T12:00"); // the configured holiday, a Monday
        detector.check();
        assertThat(events).isEmpty();

        advanceTo("2025-01-14T09:16");
        detector.check();
        assertThat(events).hasSize(1);
    }

    @Test
    void aWatchedFeedThatNeverTicksIsReported() {
        StaleFeedDetector<String> detector = detector(MarketHours.always());
        detector.watch("backup");
        assertThat(detector.lastTick("backup")).isEmpty();

        advanceTo("2025-01-06T10:00:30");
        detector.check();

        assertThat(events).containsExactly(new WentStale<>("backup", at("2025-01-06T10:00"), at("2025-01-06T10:00:30")));
    }

    @Test
    void alwaysOpenHoursCountSilenceAtAnyHour() {
        StaleFeedDetector<String> detector = detector(MarketHours.always());
        detector.onTick("demo", at("2025-01-11T02:00")); // Saturday night
        clock.set(at("2025-01-11T02:00:45"));

        detector.check();

        assertThat(events).extracting(FeedHealthEvent::key).containsExactly("demo");
    }

    @Test
    void keysAreJudgedSeparately() {
        StaleFeedDetector<String> detector = detector(MarketHours.always());
        detector.onTick("INFY", at("2025-01-06T10:00"));
        detector.onTick("TCS", at("2025-01-06T10:00:20"));

        advanceTo("2025-01-06T10:00:40");
        detector.check();

        assertThat(events).containsExactly(new WentStale<>("INFY", at("2025-01-06T10:00"), at("2025-01-06T10:00:40")));
        assertThat(detector.isStale("TCS")).isFalse();
    }
}
