package com.quantdesk.sim.feed;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/**
 * One symbol's live price path: a driftless geometric random walk rounded to the symbol's tick,
 * with trade sizes around a per-symbol typical size.
 *
 * <p>Every draw comes from the symbol's own stream, seeded from (seed, symbol), so other symbols
 * never change this one's ticks. {@link Random} and {@link StrictMath} make the path identical on
 * any JVM. Changing the order of draws changes every tick.
 */
final class SymbolWalk {

    private static final double MIN_TYPICAL_SIZE = 5;
    private static final double MAX_TYPICAL_SIZE = 500;
    /** An equilibrium print carries the orders collected through pre-open: many typical trades. */
    private static final double OPENING_SIZE_MULTIPLE = 40;
    private static final double SIZE_SIGMA = 0.6;

    private final Symbol symbol;
    private final long tickPaise;
    private final double annualVolatility;
    private final Random random;
    private final double typicalSize;
    private double logPrice;

    SymbolWalk(long seed, Symbol symbol, long startPaise, long tickPaise, double annualVolatility) {
        this.symbol = symbol;
        this.tickPaise = tickPaise;
        this.annualVolatility = annualVolatility;
        this.random = new Random(streamSeed(seed, symbol));
        this.logPrice = StrictMath.log(startPaise);
        this.typicalSize = MIN_TYPICAL_SIZE * StrictMath.pow(MAX_TYPICAL_SIZE / MIN_TYPICAL_SIZE, random.nextDouble());
    }

    /**
     * One step of continuous trading: with probability {@code tradeProbability} a tick after a move
     * of {@code years} of variance scaled by {@code volatilityFactor}; otherwise {@code null} (and
     * the price stays). {@code activity} scales the typical size.
     */
    Tick step(Instant time, double years, double tradeProbability, double volatilityFactor, double activity) {
        if (random.nextDouble() >= tradeProbability) {
            return null;
        }
        logPrice += annualVolatility * volatilityFactor * StrictMath.sqrt(years) * random.nextGaussian();
        return new Tick(symbol, time, price(), size(activity));
    }

    /**
     * The pre-open equilibrium print: the overnight move of {@code gapYears} of variance (0 on the
     * first day) and the pre-open order book's size.
     */
    Tick openingPrint(Instant time, double gapYears) {
        logPrice += annualVolatility * StrictMath.sqrt(gapYears) * random.nextGaussian();
        return new Tick(symbol, time, price(), size(OPENING_SIZE_MULTIPLE));
    }

    private long price() {
        long ticks = Math.round(StrictMath.exp(logPrice) / tickPaise);
        return Math.multiplyExact(Math.max(1, ticks), tickPaise);
    }

    private long size(double activity) {
        double noise = StrictMath.exp(SIZE_SIGMA * random.nextGaussian() - SIZE_SIGMA * SIZE_SIGMA / 2);
        return Math.max(1, Math.round(typicalSize * activity * noise));
    }

    /** FNV-1a over the symbol's bytes mixed with the seed by the SplitMix64 finaliser. */
    private static long streamSeed(long seed, Symbol symbol) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : symbol.value().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        // A different constant from the bar generator's, so tick and bar streams are unrelated.
        long z = hash ^ (seed * 0xd1b54a32d192ed03L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
