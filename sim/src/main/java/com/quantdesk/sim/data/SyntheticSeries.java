package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.NseCalendar;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One symbol's synthetic price path: a geometric random walk with Poisson jumps, sampled in
 * sub-steps so each bar's high and low are the extremes of a path rather than invented.
 *
 * <p>Reproducible on any JVM: {@link Random}'s algorithm (including {@code nextGaussian}) is fixed
 * by its specification, transcendental functions come from {@link StrictMath}, and Java double
 * arithmetic is strict. The stream is derived from (seed, symbol) alone, so other symbols in the
 * run never change this one's bars. Changing the order of draws here changes every generated bar.
 */
final class SyntheticSeries {

    /** Trading days per year, for turning annual rates into per-step ones. */
    static final double TRADING_DAYS_PER_YEAR = 252;

    /** Share of a day's variance that arrives overnight, as the gap between close and next open. */
    private static final double OVERNIGHT_VARIANCE_SHARE = 0.2;

    private static final int SUBSTEPS_PER_INTRADAY_BAR = 10;
    private static final int SUBSTEPS_PER_DAILY_BAR = 50;

    private static final double MIN_START_PAISE = 100_00;
    private static final double MAX_START_PAISE = 5_000_00;
    private static final double MIN_DAILY_VOLUME = 300_000;
    private static final double MAX_DAILY_VOLUME = 5_000_000;

    /** Log-normal spread of a day's activity and of one intraday bar's share of it. */
    private static final double DAY_ACTIVITY_SIGMA = 0.3;
    private static final double BAR_VOLUME_SIGMA = 0.25;

    private final Symbol symbol;
    private final Random random;
    private final long startPaise;
    private final long tickPaise;
    private final double baseDailyVolume;

    /** The series of {@code symbol} under {@code seed}; draws its start price and typical volume. */
    SyntheticSeries(long seed, Symbol symbol) {
        this.symbol = symbol;
        this.random = new Random(streamSeed(seed, symbol));
        double rawStart = logUniform(MIN_START_PAISE, MAX_START_PAISE);
        long rawTick = Instrument.nseTickFor(Math.round(rawStart));
        this.startPaise = Math.round(rawStart / rawTick) * rawTick;
        this.tickPaise = Instrument.nseTickFor(startPaise);
        this.baseDailyVolume = logUniform(MIN_DAILY_VOLUME, MAX_DAILY_VOLUME);
    }

    /** First price, on its own NSE tick. */
    long startPaise() {
        return startPaise;
    }

    /** The NSE tick for the start price, used for every bar of the run. */
    long tickPaise() {
        return tickPaise;
    }

    /**
     * The bars of this series. Call once: the series consumes its random stream.
     *
     * @param config the market parameters
     * @param days   trading days in order
     * @param slots  the bars of one day: start and length in minutes
     */
    List<Bar> bars(SyntheticMarketConfig config, List<LocalDate> days, List<Slot> slots) {
        Walk walk = new Walk(config);
        double[] volumeShares = volumeShares(slots);
        double logPrice = StrictMath.log(startPaise);
        boolean daily = config.isDaily();
        int substeps = daily ? SUBSTEPS_PER_DAILY_BAR : SUBSTEPS_PER_INTRADAY_BAR;
        List<Bar> bars = new ArrayList<>(days.size() * slots.size());
        for (int d = 0; d < days.size(); d++) {
            if (d > 0) {
                logPrice += walk.step(OVERNIGHT_VARIANCE_SHARE / TRADING_DAYS_PER_YEAR);
            }
            double dayActivity = baseDailyVolume * lognormalNoise(DAY_ACTIVITY_SIGMA);
            for (int s = 0; s < slots.size(); s++) {
                Slot slot = slots.get(s);
                double substepYears = slot.minutes() / (double) SyntheticMarketConfig.SESSION.toMinutes()
                        * (1 - OVERNIGHT_VARIANCE_SHARE) / TRADING_DAYS_PER_YEAR / substeps;
                double open = logPrice;
                double high = open;
                double low = open;
                for (int k = 0; k < substeps; k++) {
                    logPrice += walk.step(substepYears);
                    high = Math.max(high, logPrice);
                    low = Math.min(low, logPrice);
                }
                double barVolume = daily
                        ? dayActivity
                        : dayActivity * volumeShares[s] * lognormalNoise(BAR_VOLUME_SIGMA);
                // Rounding to the tick is monotonic, so low <= open, close <= high survives it.
                bars.add(new Bar(symbol, ZonedDateTime.of(days.get(d), slot.start(), NseCalendar.IST).toInstant(),
                        onTick(open), onTick(high), onTick(low), onTick(logPrice), Math.max(0, Math.round(barVolume))));
            }
        }
        return bars;
    }

    /**
     * Each slot's expected share of the day's volume: a U over the session, heavier at the open
     * and the close as on NSE, weighted by the slot's length.
     */
    private static double[] volumeShares(List<Slot> slots) {
        double session = SyntheticMarketConfig.SESSION.toMinutes();
        double[] shares = new double[slots.size()];
        double total = 0;
        int minutesSoFar = 0;
        for (int s = 0; s < slots.size(); s++) {
            double middle = (minutesSoFar + slots.get(s).minutes() / 2.0) / session;
            double fromCentre = 2 * middle - 1;
            shares[s] = (0.5 + 2 * fromCentre * fromCentre) * slots.get(s).minutes();
            total += shares[s];
            minutesSoFar += slots.get(s).minutes();
        }
        for (int s = 0; s < shares.length; s++) {
            shares[s] /= total;
        }
        return shares;
    }

    private long onTick(double logPaise) {
        long ticks = Math.round(StrictMath.exp(logPaise) / tickPaise);
        return Math.multiplyExact(Math.max(1, ticks), tickPaise);
    }

    private double logUniform(double min, double max) {
        return StrictMath.exp(StrictMath.log(min) + random.nextDouble() * StrictMath.log(max / min));
    }

    /** A log-normal factor with mean 1. */
    private double lognormalNoise(double sigma) {
        return StrictMath.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }

    /**
     * The stream seed of {@code symbol}: FNV-1a over its UTF-8 bytes mixed with the run seed by the
     * SplitMix64 finaliser, so nearby seeds and similar symbols still give unrelated streams.
     */
    static long streamSeed(long seed, Symbol symbol) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : symbol.value().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = hash ^ (seed * 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * One bar slot of the trading day.
     *
     * @param start   IST start time
     * @param minutes length
     */
    record Slot(LocalTime start, int minutes) {
    }

    /** Log-return steps of the jump-diffusion. */
    private final class Walk {

        private final double drift;
        private final double volatility;
        private final double jumpsPerYear;
        private final double jumpStdDev;

        Walk(SyntheticMarketConfig config) {
            this.volatility = config.annualVolatility();
            this.jumpsPerYear = config.jumpsPerYear();
            this.jumpStdDev = config.jumpStdDev();
            // Compensate the Ito term and the jumps' mean effect so the expected return is the configured drift.
            double meanJumpGrowth = StrictMath.exp(jumpStdDev * jumpStdDev / 2) - 1;
            this.drift = config.annualDrift() - volatility * volatility / 2 - jumpsPerYear * meanJumpGrowth;
        }

        double step(double years) {
            double change = drift * years + volatility * StrictMath.sqrt(years) * random.nextGaussian();
            int jumps = poisson(jumpsPerYear * years);
            for (int j = 0; j < jumps; j++) {
                change += jumpStdDev * random.nextGaussian();
            }
            return change;
        }

        /** Knuth's multiplication method; the mean per step is tiny, so it rarely loops. */
        private int poisson(double mean) {
            double limit = StrictMath.exp(-mean);
            int count = 0;
            double product = random.nextDouble();
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
            return count;
        }
    }
}
