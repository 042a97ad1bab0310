package com.quantdesk.sim.venue;

import java.time.Duration;
import java.util.Objects;

/**
 * How the tick-driven venue answers and fills.
 *
 * @param ackLatency          time from an order's arrival to its acknowledgement or rejection (not negative)
 * @param fillLatency         time from a match to its fill report (not negative)
 * @param slippageBps         adverse slippage on market and stop-market fills, basis points (0 = none)
 * @param volumeParticipation largest share of a tick's size the account may trade on that tick,
 *                            0 &lt; p ≤ 1, or 0 for no cap; the cap produces partial fills
 * @param priceBandPercent    the day's price band around the previous trading day's last traded price,
 *                            percent (0 = no band); limit and trigger prices outside it are rejected
 */
public record TickVenueConfig(Duration ackLatency, Duration fillLatency, int slippageBps,
                              double volumeParticipation, int priceBandPercent) {

    /** Validates the configuration; the message names the field. */
    public TickVenueConfig {
        Objects.requireNonNull(ackLatency, "ackLatency");
        Objects.requireNonNull(fillLatency, "fillLatency");
        if (ackLatency.isNegative()) {
            throw new IllegalArgumentException("ackLatency must not be negative, was " + ackLatency);
        }
        if (fillLatency.isNegative()) {
            throw new IllegalArgumentException("fillLatency must not be negative, was " + fillLatency);
        }
        // The fill rules shared with the bar-driven venue are validated there, with the same messages.
        new VenueConfig(slippageBps, volumeParticipation, priceBandPercent);
    }

    /** No latency, no slippage, no volume cap, NSE's 10% operating range for F&amp;O stocks. */
    public static TickVenueConfig defaults() {
        return new TickVenueConfig(Duration.ZERO, Duration.ZERO, 0, 0, 10);
    }

    /** A copy with another acknowledgement latency. */
    public TickVenueConfig withAckLatency(Duration latency) {
        return new TickVenueConfig(latency, fillLatency, slippageBps, volumeParticipation, priceBandPercent);
    }

    /** A copy with another fill-report latency. */
    public TickVenueConfig withFillLatency(Duration latency) {
        return new TickVenueConfig(ackLatency, latency, slippageBps, volumeParticipation, priceBandPercent);
    }

    /** A copy with another slippage. */
    public TickVenueConfig withSlippageBps(int bps) {
        return new TickVenueConfig(ackLatency, fillLatency, bps, volumeParticipation, priceBandPercent);
    }

    /** A copy with another volume cap. */
    public TickVenueConfig withVolumeParticipation(double participation) {
        return new TickVenueConfig(ackLatency, fillLatency, slippageBps, participation, priceBandPercent);
    }

    /** A copy with another price band. */
    public TickVenueConfig withPriceBandPercent(int percent) {
        return new TickVenueConfig(ackLatency, fillLatency, slippageBps, volumeParticipation, percent);
    }
}
