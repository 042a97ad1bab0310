package com.quantdesk.sim.feed;

import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.market.NseCalendar;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickSource;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.data.SyntheticMarket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A seeded live tick generator: every symbol of a universe (NIFTY 50 by default) follows its own
 * random walk from the start price {@link SyntheticMarket} gives it under the same seed, rounded to
 * the NSE tick of that price.
 *
 * <p>Steps fall every {@code interval} from the clock's time at construction (in
 * {@link FeedMode#NSE_SESSION}, from each session's 09:15 open). At a step each symbol trades with
 * a probability that is lowest at mid-session and 1 at the open and the close, where moves are
 * also larger and sizes heavier, the U shape of NSE intraday activity. Each session opens with an
 * equilibrium print of every symbol: the overnight gap and the pre-open book's size. In
 * {@link FeedMode#DEMO} the feed starts with such a print and trades at any hour (at the mid-day
 * level outside the real session).
 *
 * <p>{@link #next(Instant)} returns the ticks due up to a time, so a manual clock drives it
 * deterministically; the same seed, universe, start and calls give the same ticks.
 * {@link TickFeedRunner} runs it on a timer. Not thread-safe.
 */
public final class SyntheticTickFeed implements TickSource {

    private static final double TRADING_DAYS_PER_YEAR = 252;
    /** Share of a day's variance that arrives overnight, as in the synthetic bar generator. */
    private static final double OVERNIGHT_VARIANCE_SHARE = 0.2;
    private static final double SESSION_SECONDS =
            Duration.between(NseCalendar.SESSION_OPEN, NseCalendar.SESSION_CLOSE).toSeconds();
    /** Volatility at mid-session and the extra at the open and the close. */
    private static final double CALM_VOLATILITY = 0.7;
    private static final double EDGE_VOLATILITY = 1.3;
    /** Size multiple at mid-session and the extra at the open and the close. */
    private static final double CALM_ACTIVITY = 1;
    private static final double EDGE_ACTIVITY = 3;

    private final SyntheticFeedConfig config;
    private final InstantSource clock;
    private final InstrumentMaster instruments;
    private final List<SymbolWalk> walks;
    private final double stepYears;
    private Instant nextStep;
    private boolean opened;

    /** A feed over the NIFTY 50, starting at the clock's current time. */
    public SyntheticTickFeed(SyntheticFeedConfig config, InstantSource clock) {
        this(config, InstrumentMaster.nifty50(), clock);
    }

    /**
     * A feed over the symbols of {@code universe} (their ticks are re-derived from the start
     * prices), starting at the clock's current time.
     */
    public SyntheticTickFeed(SyntheticFeedConfig config, InstrumentMaster universe, InstantSource clock) {
        this(config, universe, clock, clock.instant());
    }

    /**
     * A feed whose first step is at {@code firstStep}, which may lie before the clock's time: the first
     * {@link #poll()} then returns the history since then at once (a paper runtime primes
     * its bots with it), and later polls continue in real time.
     */
    public SyntheticTickFeed(SyntheticFeedConfig config, InstrumentMaster universe, InstantSource clock,
                             Instant firstStep) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        List<Instrument> priced = new ArrayList<>();
        List<SymbolWalk> symbolWalks = new ArrayList<>();
        for (Instrument instrument : universe.all()) {
            long start = SyntheticMarket.startPricePaise(config.seed(), instrument.symbol());
            long tick = Instrument.nseTickFor(start);
            priced.add(new Instrument(instrument.symbol(), instrument.exchange(), tick, instrument.lotSize(),
                    instrument.sector()));
            symbolWalks.add(new SymbolWalk(config.seed(), instrument.symbol(), start, tick, config.annualVolatility()));
        }
        this.instruments = InstrumentMaster.of(priced);
        this.walks = List.copyOf(symbolWalks);
        double intervalSeconds = config.interval().toNanos() / 1e9;
        this.stepYears = intervalSeconds / SESSION_SECONDS * (1 - OVERNIGHT_VARIANCE_SHARE) / TRADING_DAYS_PER_YEAR;
        this.nextStep = Objects.requireNonNull(firstStep, "firstStep");
    }

    /** The instruments ticked, with the NSE tick of each start price (prices are on these ticks). */
    public InstrumentMaster instruments() {
        return instruments;
    }

    /** The configuration. */
    public SyntheticFeedConfig config() {
        return config;
    }

    /** The ticks due up to the clock's current time. */
    @Override
    public List<Tick> poll() {
        return next(clock.instant());
    }

    /**
     * The ticks of every step at or before {@code now} not returned before, in time order (within
     * a step, by symbol). Empty if {@code now} is before the next step.
     */
    public List<Tick> next(Instant now) {
        List<Tick> ticks = new ArrayList<>();
        while (!nextStep.isAfter(now)) {
            Instant time = nextStep;
            if (config.mode() == FeedMode.NSE_SESSION && !config.calendar().isInSession(time)) {
                nextStep = nextSessionOpen(time);
                continue;
            }
            if (isOpeningPrint(time)) {
                double gapYears = opened ? OVERNIGHT_VARIANCE_SHARE / TRADING_DAYS_PER_YEAR : 0;
                for (SymbolWalk walk : walks) {
                    ticks.add(walk.openingPrint(time, gapYears));
                }
            } else {
                trade(time, ticks);
            }
            opened = true;
            nextStep = time.plus(config.interval());
        }
        return ticks;
    }

    private void trade(Instant time, List<Tick> ticks) {
        double edge = edgeOfSession(time);
        double probability = config.quietTickProbability() + (1 - config.quietTickProbability()) * edge;
        double volatility = CALM_VOLATILITY + EDGE_VOLATILITY * edge;
        double activity = CALM_ACTIVITY + EDGE_ACTIVITY * edge;
        for (SymbolWalk walk : walks) {
            Tick tick = walk.step(time, stepYears, probability, volatility, activity);
            if (tick != null) {
                ticks.add(tick);
            }
        }
    }

    /** In a session, the first step at 09:15 is the equilibrium print; a demo opens with its first step. */
    private boolean isOpeningPrint(Instant time) {
        return switch (config.mode()) {
            case DEMO -> !opened;
            case NSE_SESSION -> time.equals(config.calendar().sessionOpen(time.atZone(NseCalendar.IST).toLocalDate()));
        };
    }

    /**
     * 1 at the open and the close, 0 at mid-session, a parabola between; 0 outside the session
     * (only a demo trades there).
     */
    private static double edgeOfSession(Instant time) {
        ZonedDateTime local = time.atZone(NseCalendar.IST);
        double second = local.toLocalTime().toSecondOfDay() - NseCalendar.SESSION_OPEN.toSecondOfDay()
                + local.getNano() / 1e9;
        if (second < 0 || second >= SESSION_SECONDS) {
            return 0;
        }
        double fromMiddle = 2 * second / SESSION_SECONDS - 1;
        return fromMiddle * fromMiddle;
    }

    /** The first session open after {@code time}, which is outside a session. */
    private Instant nextSessionOpen(Instant time) {
        LocalDate day = time.atZone(NseCalendar.IST).toLocalDate();
        if (!time.isBefore(config.calendar().sessionOpen(day)) || !config.calendar().isTradingDay(day)) {
            day = day.plusDays(1);
        }
        while (!config.calendar().isTradingDay(day)) {
            day = day.plusDays(1);
        }
        return config.calendar().sessionOpen(day);
    }
}
