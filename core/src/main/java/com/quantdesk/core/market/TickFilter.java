package com.quantdesk.core.market;

import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The data-quality gate between a feed and everything that uses its ticks: passes on the ticks it
 * accepts and counts the ones it drops, by {@link DropReason}, per symbol and in total.
 *
 * <p>Checks, in order, per symbol: a non-positive price; a time before the last accepted tick
 * (out of order); the same time, price and size as the last accepted tick (duplicate); a move far
 * beyond recent volatility (spike, see {@link TickFilterConfig}). Only accepted ticks move the
 * reference price and time and feed the volatility estimate, so one bad print cannot drag the
 * filter along with it. A genuine jump in level is let through once {@code confirmTicks}
 * consecutive ticks agree on it.
 *
 * <p>Logarithms use {@link StrictMath}, so a replay makes the same decisions on any JVM. After a
 * symbol's first tick, filtering allocates nothing. Not thread-safe: call from one thread.
 */
public final class TickFilter {

    private static final DropReason[] REASONS = DropReason.values();

    private final TickFilterConfig config;
    private final Consumer<Tick> downstream;
    private final Map<Symbol, SymbolState> bySymbol = new HashMap<>();
    private final long[] totalDrops = new long[REASONS.length];
    private long totalAccepted;

    /** A filter with {@code config} that passes accepted ticks to {@code downstream}. */
    public TickFilter(TickFilterConfig config, Consumer<Tick> downstream) {
        this.config = Objects.requireNonNull(config, "config");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** A filter with {@link TickFilterConfig#defaults()}. */
    public TickFilter(Consumer<Tick> downstream) {
        this(TickFilterConfig.defaults(), downstream);
    }

    /**
     * Judges a tick: passes it downstream and returns {@code true}, or counts the drop and returns
     * {@code false}.
     */
    public boolean offer(Tick tick) {
        SymbolState state = bySymbol.get(tick.symbol());
        if (state == null) {
            state = new SymbolState(config.window());
            bySymbol.put(tick.symbol(), state);
        }
        DropReason reason = judge(state, tick);
        if (reason != null) {
            state.drops[reason.ordinal()]++;
            totalDrops[reason.ordinal()]++;
            return false;
        }
        state.lastTime = tick.time();
        state.lastPrice = tick.price();
        state.lastSize = tick.size();
        state.accepted++;
        totalAccepted++;
        downstream.accept(tick);
        return true;
    }

    /** The reason to drop {@code tick}, or {@code null} to accept it (updating the volatility estimate). */
    private DropReason judge(SymbolState state, Tick tick) {
        if (tick.price() <= 0) {
            return DropReason.NON_POSITIVE_PRICE;
        }
        if (state.lastTime == null) {
            return null;
        }
        int order = tick.time().compareTo(state.lastTime);
        if (order < 0) {
            return DropReason.OUT_OF_ORDER;
        }
        if (order == 0 && tick.price() == state.lastPrice && tick.size() == state.lastSize) {
            return DropReason.DUPLICATE;
        }
        double logReturn = StrictMath.log((double) tick.price() / state.lastPrice);
        if (state.count >= config.warmUp()) {
            double limit = config.spikeMultiple() * Math.max(state.stdDev(), config.minVolatility());
            if (Math.abs(logReturn) > limit) {
                return confirmsNewLevel(state, tick.price(), limit) ? null : DropReason.SPIKE;
            }
        }
        state.candidateTicks = 0;
        state.addReturn(logReturn);
        return null;
    }

    /**
     * Whether this spike is the {@code confirmTicks}-th in a row near the previous one: then the
     * market really moved. The jump itself stays out of the volatility window.
     */
    private boolean confirmsNewLevel(SymbolState state, long price, double limit) {
        boolean agrees = state.candidateTicks > 0
                && Math.abs(StrictMath.log((double) price / state.candidatePrice)) <= limit;
        state.candidateTicks = agrees ? state.candidateTicks + 1 : 1;
        state.candidatePrice = price;
        if (state.candidateTicks >= config.confirmTicks()) {
            state.candidateTicks = 0;
            return true;
        }
        return false;
    }

    /** Ticks of {@code symbol} dropped for {@code reason}. */
    public long dropped(Symbol symbol, DropReason reason) {
        SymbolState state = bySymbol.get(symbol);
        return state == null ? 0 : state.drops[reason.ordinal()];
    }

    /** Ticks of every symbol dropped for {@code reason}. */
    public long dropped(DropReason reason) {
        return totalDrops[reason.ordinal()];
    }

    /** Ticks of {@code symbol} dropped, by reason (every reason present, zero if none). */
    public Map<DropReason, Long> drops(Symbol symbol) {
        SymbolState state = bySymbol.get(symbol);
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason reason : REASONS) {
            drops.put(reason, state == null ? 0 : state.drops[reason.ordinal()]);
        }
        return drops;
    }

    /** Ticks dropped in total, every symbol and reason. */
    public long dropped() {
        long sum = 0;
        for (long count : totalDrops) {
            sum += count;
        }
        return sum;
    }

    /** Ticks of {@code symbol} accepted. */
    public long accepted(Symbol symbol) {
        SymbolState state = bySymbol.get(symbol);
        return state == null ? 0 : state.accepted;
    }

    /** Ticks accepted in total. */
    public long accepted() {
        return totalAccepted;
    }

    /** One symbol's reference tick, rolling log returns and counters. */
    private static final class SymbolState {

        final long[] drops = new long[REASONS.length];
        final double[] returns;
        Instant lastTime;
        long lastPrice;
        long lastSize;
        long accepted;
        int count;
        int next;
        double sum;
        double sumOfSquares;
        int sinceRecompute;
        long candidatePrice;
        int candidateTicks;

        SymbolState(int window) {
            this.returns = new double[window];
        }

        void addReturn(double value) {
            if (count == returns.length) {
                double old = returns[next];
                sum -= old;
                sumOfSquares -= old * old;
            } else {
                count++;
            }
            returns[next] = value;
            sum += value;
            sumOfSquares += value * value;
            next = (next + 1) % returns.length;
            // Running sums drift as values leave and enter; re-add them once per window.
            if (++sinceRecompute == returns.length) {
                recompute();
            }
        }

        double stdDev() {
            double mean = sum / count;
            return Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
        }

        private void recompute() {
            sinceRecompute = 0;
            sum = 0;
            sumOfSquares = 0;
            for (int i = 0; i < count; i++) {
                sum += returns[i];
                sumOfSquares += returns[i] * returns[i];
            }
        }
    }
}
