package com.quantdesk.sim.feed;

import com.quantdesk.core.market.NseCalendar;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link SyntheticTickFeed} generates.
 *
 * @param seed                 seed of every random draw (and of the start prices, as in
 *                             {@link com.quantdesk.sim.data.SyntheticMarket})
 * @param mode                 when ticks are produced
 * @param interval             time between steps; at each step every symbol may trade (positive)
 * @param calendar             trading days (its holidays), for {@link FeedMode#NSE_SESSION}
 * @param annualVolatility     yearly standard deviation of log returns (not negative)
 * @param quietTickProbability chance that a symbol trades in a step at mid-session, the calmest
 *                             time; it rises to 1 at the open and the close (in (0, 1])
 */
public record SyntheticFeedConfig(long seed, FeedMode mode, Duration interval, NseCalendar calendar,
        double annualVolatility, double quietTickProbability) {

    /** Validates the settings. */
    public SyntheticFeedConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(calendar, "calendar");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (!(annualVolatility >= 0) || !Double.isFinite(annualVolatility)) {
            throw new IllegalArgumentException("annualVolatility must be finite and not negative, was "
                    + annualVolatility);
        }
        if (!(quietTickProbability > 0 && quietTickProbability <= 1)) {
            throw new IllegalArgumentException("quietTickProbability must be in (0, 1], was " + quietTickProbability);
        }
    }

    /**
     * Seed 42 (the synthetic market's default), a step a second, 25% yearly volatility, half the
     * symbols trading in a quiet step, weekday calendar.
     */
    public static SyntheticFeedConfig defaults(FeedMode mode) {
        return new SyntheticFeedConfig(SyntheticMarketConfig.DEFAULT_SEED, mode, Duration.ofSeconds(1),
                NseCalendar.weekdays(), 0.25, 0.5);
    }

    /** This config with another seed. */
    public SyntheticFeedConfig withSeed(long newSeed) {
        return new SyntheticFeedConfig(newSeed, mode, interval, calendar, annualVolatility, quietTickProbability);
    }

    /** This config with another step interval. */
    public SyntheticFeedConfig withInterval(Duration newInterval) {
        return new SyntheticFeedConfig(seed, mode, newInterval, calendar, annualVolatility, quietTickProbability);
    }

    /** This config with another calendar. */
    public SyntheticFeedConfig withCalendar(NseCalendar newCalendar) {
        return new SyntheticFeedConfig(seed, mode, interval, newCalendar, annualVolatility, quietTickProbability);
    }

    /** This config with another yearly volatility. */
    public SyntheticFeedConfig withAnnualVolatility(double newVolatility) {
        return new SyntheticFeedConfig(seed, mode, interval, calendar, newVolatility, quietTickProbability);
    }
}
