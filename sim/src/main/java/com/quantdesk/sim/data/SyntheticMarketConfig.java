package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.NseCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SyntheticMarket} generates.
 *
 * @param seed             seed of every random draw; the same config always gives the same bars
 * @param symbols          symbols to generate, without duplicates
 * @param from             first calendar day (inclusive)
 * @param to               last calendar day (inclusive)
 * @param barSize          one day, or a whole number of minutes up to the 375-minute session
 *                         (a size that does not divide the session leaves a shorter last bar,
 *                         as NSE's hourly bars end with 15:15–15:30)
 * @param annualDrift      expected yearly return, e.g. 0.10 for 10%
 * @param annualVolatility yearly standard deviation of log returns of the diffusion, e.g. 0.25
 * @param jumpsPerYear     mean number of price jumps per year (Poisson)
 * @param jumpStdDev       standard deviation of one jump's log return, e.g. 0.05
 * @param calendar         trading days
 */
public record SyntheticMarketConfig(long seed, List<Symbol> symbols, LocalDate from, LocalDate to, Duration barSize,
        double annualDrift, double annualVolatility, double jumpsPerYear, double jumpStdDev, NseCalendar calendar) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    /** Length of NSE's normal market, 09:15–15:30. */
    static final Duration SESSION = Duration.between(NseCalendar.SESSION_OPEN, NseCalendar.SESSION_CLOSE);

    /** Validates and copies. */
    public SyntheticMarketConfig {
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(calendar, "calendar");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty");
        }
        if (new HashSet<>(symbols).size() != symbols.size()) {
            throw new IllegalArgumentException("symbols must not repeat: " + symbols);
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (!isDaily(barSize) && (barSize.isNegative() || barSize.isZero() || barSize.toSecondsPart() != 0
                || barSize.toNanosPart() != 0 || barSize.compareTo(SESSION) > 0)) {
            throw new IllegalArgumentException("barSize must be one day or 1 to 375 whole minutes, was " + barSize);
        }
        requireFinite("annualDrift", annualDrift);
        requireNonNegative("annualVolatility", annualVolatility);
        requireNonNegative("jumpsPerYear", jumpsPerYear);
        requireNonNegative("jumpStdDev", jumpStdDev);
    }

    /**
     * Daily bars with seed 42, 10% drift, 25% volatility and three jumps a year of 5% standard
     * deviation, on a weekday calendar.
     */
    public static SyntheticMarketConfig defaults(List<Symbol> symbols, LocalDate from, LocalDate to) {
        return new SyntheticMarketConfig(DEFAULT_SEED, symbols, from, to, Duration.ofDays(1), 0.10, 0.25, 3.0, 0.05,
                NseCalendar.weekdays());
    }

    /** This config with another seed. */
    public SyntheticMarketConfig withSeed(long newSeed) {
        return new SyntheticMarketConfig(newSeed, symbols, from, to, barSize, annualDrift, annualVolatility,
                jumpsPerYear, jumpStdDev, calendar);
    }

    /** This config with other symbols. */
    public SyntheticMarketConfig withSymbols(List<Symbol> newSymbols) {
        return new SyntheticMarketConfig(seed, newSymbols, from, to, barSize, annualDrift, annualVolatility,
                jumpsPerYear, jumpStdDev, calendar);
    }

    /** This config with another bar size. */
    public SyntheticMarketConfig withBarSize(Duration newBarSize) {
        return new SyntheticMarketConfig(seed, symbols, from, to, newBarSize, annualDrift, annualVolatility,
                jumpsPerYear, jumpStdDev, calendar);
    }

    /** This config with another calendar. */
    public SyntheticMarketConfig withCalendar(NseCalendar newCalendar) {
        return new SyntheticMarketConfig(seed, symbols, from, to, barSize, annualDrift, annualVolatility,
                jumpsPerYear, jumpStdDev, newCalendar);
    }

    /** Whether bars are daily. */
    public boolean isDaily() {
        return isDaily(barSize);
    }

    private static boolean isDaily(Duration size) {
        return size.equals(Duration.ofDays(1));
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and not negative, was " + value);
        }
    }
}
