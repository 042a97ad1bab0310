package com.quantdesk.core.strategy.builtin;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.indicator.Sma;
import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Long-only moving-average crossover with a fixed quantity — the reference strategy other engines
 * are compared with trade by trade.
 *
 * <p>On bar t's close: a cross up happens when fast &gt; slow at t and the last non-zero
 * (fast − slow) before t was negative (an exact tie carries the previous sign forward); then, if
 * flat, it buys {@code qty} at market (filled at bar t+1's open). A cross down sells the whole
 * position likewise. The comparison is exact: both averages are sums of paise, compared by
 * cross-multiplication, so no rounding decides a cross.
 */
public final class SmaCrossStrategy implements Strategy {

    /** Name, parameters and factory. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("sma-cross",
            "Long-only simple moving average crossover: buy when fast crosses above slow, sell when below",
            List.of(ParameterSpec.integer("fast", "fast SMA period, bars", 10, 1, 1_000),
                    ParameterSpec.integer("slow", "slow SMA period, bars", 30, 2, 5_000),
                    ParameterSpec.integer("qty", "shares per entry", 10, 1, 10_000_000)),
            SmaCrossStrategy::new);

    private final int fastPeriod;
    private final int slowPeriod;
    private final long quantity;
    private final Map<Symbol, State> states = new HashMap<>();
    // Bars of one symbol usually follow each other: the last state saves a map look-up per bar.
    private Symbol lastSymbol;
    private State lastState;

    /** A crossover with validated parameters; {@code fast} must be below {@code slow}. */
    public SmaCrossStrategy(StrategyParameters parameters) {
        this(parameters.integer("fast"), parameters.integer("slow"), parameters.whole("qty"));
    }

    /** A crossover of {@code fast} and {@code slow} bars trading {@code quantity} shares. */
    public SmaCrossStrategy(int fast, int slow, long quantity) {
        if (fast >= slow) {
            throw new IllegalArgumentException("parameter fast=" + fast + " must be less than slow=" + slow);
        }
        this.fastPeriod = fast;
        this.slowPeriod = slow;
        this.quantity = quantity;
    }

    @Override
    public void onBar(StrategyContext context, Bar bar) {
        State state = state(bar.symbol());
        state.fast.update(bar.close());
        state.slow.update(bar.close());
        if (!state.slow.isReady()) {
            return;
        }
        // fast - slow = fastSum/fastPeriod - slowSum/slowPeriod; its sign is that of the cross product.
        long cross = Math.subtractExact(Math.multiplyExact((long) state.fast.sum(), slowPeriod),
                Math.multiplyExact((long) state.slow.sum(), fastPeriod));
        int sign = Long.signum(cross);
        long position = context.position(bar.symbol());
        if (sign > 0 && state.lastSign < 0 && position == 0) {
            context.market(bar.symbol(), Side.BUY, quantity, Product.CNC);
        } else if (sign < 0 && state.lastSign > 0 && position > 0) {
            context.market(bar.symbol(), Side.SELL, position, Product.CNC);
        }
        if (sign != 0) {
            state.lastSign = sign;
        }
    }

    private State state(Symbol symbol) {
        if (symbol == lastSymbol) {
            return lastState;
        }
        State state = states.get(symbol);
        if (state == null) {
            state = new State(fastPeriod, slowPeriod);
            states.put(symbol, state);
        }
        lastSymbol = symbol;
        lastState = state;
        return state;
    }

    private static final class State {
        final Sma fast;
        final Sma slow;
        int lastSign;

        State(int fast, int slow) {
            this.fast = new Sma(fast);
            this.slow = new Sma(slow);
        }
    }
}
