package com.quantdesk.sim.venue;

/**
 * How the simulated venue fills.
 *
 * @param slippageBps         adverse slippage on market and stop-market fills, basis points (0 = none)
 * @param volumeParticipation largest share of a bar's volume the account may trade in that bar,
 *                            0 &lt; p ≤ 1, or 0 for no cap; the cap produces partial fills
 * @param priceBandPercent    the day's price band around the previous day's close, percent (0 = no
 *                            band); limit and trigger prices outside it are rejected
 */
public record VenueConfig(int slippageBps, double volumeParticipation, int priceBandPercent) {

    /** Validates the configuration; the message names the field. */
    public VenueConfig {
        if (slippageBps < 0 || slippageBps > 10_000) {
            throw new IllegalArgumentException("slippageBps must be within 0..10000, was " + slippageBps);
        }
        if (!(volumeParticipation >= 0 && volumeParticipation <= 1)) {
            throw new IllegalArgumentException("volumeParticipation must be within 0..1, was " + volumeParticipation);
        }
        if (priceBandPercent < 0 || priceBandPercent > 100) {
            throw new IllegalArgumentException("priceBandPercent must be within 0..100, was " + priceBandPercent);
        }
    }

    /** No slippage, no volume cap, NSE's 10% operating range for F&amp;O stocks. */
    public static VenueConfig defaults() {
        return new VenueConfig(0, 0, 10);
    }

    /** A copy with another slippage. */
    public VenueConfig withSlippageBps(int bps) {
        return new VenueConfig(bps, volumeParticipation, priceBandPercent);
    }

    /** A copy with another volume cap. */
    public VenueConfig withVolumeParticipation(double participation) {
        return new VenueConfig(slippageBps, participation, priceBandPercent);
    }

    /** A copy with another price band. */
    public VenueConfig withPriceBandPercent(int percent) {
        return new VenueConfig(slippageBps, volumeParticipation, percent);
    }
}
