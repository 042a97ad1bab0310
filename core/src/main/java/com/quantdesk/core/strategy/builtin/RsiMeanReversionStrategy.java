package com.quantdesk.core.strategy.builtin;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.indicator.Rsi;
import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Long-only RSI mean reversion: buys {@code qty} at market when Wilder's RSI closes below the
 * oversold threshold while flat, and sells the whole position when it closes above the overbought
 * threshold.
 */
public final class RsiMeanReversionStrategy implements Strategy {

    /** Name, parameters and factory. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("rsi-reversion",
            "Long-only RSI mean reversion: buy when oversold, sell when overbought",
            List.of(ParameterSpec.integer("period", "RSI period, bars (Wilder)", 14, 2, 1_000),
                    ParameterSpec.real("oversold", "buy below this RSI", 30, 1, 99),
                    ParameterSpec.real("overbought", "sell above this RSI", 70, 1, 99),
                    ParameterSpec.integer("qty", "shares per entry", 10, 1, 10_000_000)),
            RsiMeanReversionStrategy::new);

    private final int period;
    private final double oversold;
    private final double overbought;
    private final long quantity;
    private final Map<Symbol, Rsi> rsis = new HashMap<>();

    /** A strategy with validated parameters; oversold must be below overbought. */
    public RsiMeanReversionStrategy(StrategyParameters parameters) {
        this.period = parameters.integer("period");
        this.oversold = parameters.real("oversold");
        this.overbought = parameters.real("overbought");
        this.quantity = parameters.whole("qty");
        if (oversold >= overbought) {
            throw new IllegalArgumentException("parameter oversold=" + ParameterSpec.format(oversold)
                    + " must be less than overbought=" + ParameterSpec.format(overbought));
        }
    }

    @Override
    public void onBar(StrategyContext context, Bar bar) {
        Rsi rsi = rsis.computeIfAbsent(bar.symbol(), s -> new Rsi(period));
        rsi.update(bar.close());
        if (!rsi.isReady()) {
            return;
        }
        long position = context.position(bar.symbol());
        boolean idle = context.openOrders(bar.symbol()).isEmpty();
        if (rsi.value() < oversold && position == 0 && idle) {
            context.market(bar.symbol(), Side.BUY, quantity, Product.CNC);
        } else if (rsi.value() > overbought && position > 0 && idle) {
            context.market(bar.symbol(), Side.SELL, position, Product.CNC);
        }
    }
}
