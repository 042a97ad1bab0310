package com.quantdesk.sim.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TickVenueConfigTest {

    private static final Duration ZERO = Duration.ZERO;

    @Test
    void defaultsAreInstantAnswersWithoutSlippageOrCapAndATenPercentBand() {
        assertThat(TickVenueConfig.defaults()).isEqualTo(new TickVenueConfig(ZERO, ZERO, 0, 0, 10));
    }

    @Test
    void copiesChangeOneField() {
        TickVenueConfig config = TickVenueConfig.defaults()
                .withAckLatency(Duration.ofMillis(30))
                .withFillLatency(Duration.ofMillis(40))
                .withSlippageBps(5)
                .withVolumeParticipation(0.25)
                .withPriceBandPercent(20);

        assertThat(config).isEqualTo(new TickVenueConfig(Duration.ofMillis(30), Duration.ofMillis(40), 5, 0.25, 20));
    }

    @Test
    void rejectsEachInvalidFieldByName() {
        assertThatThrownBy(() -> new TickVenueConfig(null, ZERO, 0, 0, 10))
                .isInstanceOf(NullPointerException.class).hasMessage("ackLatency");
        assertThatThrownBy(() -> new TickVenueConfig(ZERO, null, 0, 0, 10))
                .isInstanceOf(NullPointerException.class).hasMessage("fillLatency");
        assertThatThrownBy(() -> new TickVenueConfig(Duration.ofMillis(-1), ZERO, 0, 0, 10))
                .hasMessage("ackLatency must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> new TickVenueConfig(ZERO, Duration.ofSeconds(-2), 0, 0, 10))
                .hasMessage("fillLatency must not be negative, was PT-2S");
        assertThatThrownBy(() -> new TickVenueConfig(ZERO, ZERO, -1, 0, 10))
                .hasMessage("slippageBps must be within 0..10000, was -1");
        assertThatThrownBy(() -> new TickVenueConfig(ZERO, ZERO, 10_001, 0, 10))
                .hasMessage("slippageBps must be within 0..10000, was 10001");
        assertThatThrownBy(() -> new TickVenueConfig(ZERO, ZERO, 0, 1.5, 10))
                .hasMessage("volumeParticipation must be within 0..1, was 1.5");
        assertThatThrownBy(() -> new TickVenueConfig(ZERO, ZERO, 0, Double.NaN, 10))
                .hasMessage("volumeParticipation must be within 0..1, was NaN");
        assertThatThrownBy(() -> new TickVenueConfig(ZERO, ZERO, 0, 0, 101))
                .hasMessage("priceBandPercent must be within 0..100, was 101");
    }
}
