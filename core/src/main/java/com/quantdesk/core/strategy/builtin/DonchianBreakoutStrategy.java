package com.quantdesk.core.strategy.builtin;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.OrderEvent;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.indicator.Atr;
import com.quantdesk.core.indicator.Donchian;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Long-only Donchian channel breakout with an ATR stop.
 *
 * <p>Enters at market when a bar closes above the highest high of the previous {@code entry} bars.
 * Once the entry has filled completely, a protective SL-M sell rests at fill price −
 * {@code atrMultiple} × ATR (rounded down to the tick, and kept inside the venue's 10% band).
 * The stop is a DAY order, as at NSE, so it is placed again at the same trigger at the first bar of
 * each later session while the position is open. Leaves at market when a bar closes below the lowest
 * low of the previous {@code exit} bars, cancelling the stop first; if the stop trades, the position
 * is already flat.
 */
public final class DonchianBreakoutStrategy implements Strategy {

    /** Name, parameters and factory. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("donchian-breakout",
            "Long-only Donchian channel breakout with an ATR protective stop",
            List.of(ParameterSpec.integer("entry", "breakout channel, bars", 20, 2, 1_000),
                    ParameterSpec.integer("exit", "exit channel, bars", 10, 2, 1_000),
                    ParameterSpec.integer("atr", "ATR period, bars (Wilder)", 14, 2, 1_000),
                    ParameterSpec.real("atrMultiple", "stop distance in ATRs", 2, 0.5, 20),
                    ParameterSpec.integer("qty", "shares per entry", 10, 1, 10_000_000)),
            DonchianBreakoutStrategy::new);

    private final int entryPeriod;
    private final int exitPeriod;
    private final int atrPeriod;
    private final double atrMultiple;
    private final long quantity;
    private final Map<Symbol, State> states = new HashMap<>();

    /** A strategy with validated parameters. */
    public DonchianBreakoutStrategy(StrategyParameters parameters) {
        this.entryPeriod = parameters.integer("entry");
        this.exitPeriod = parameters.integer("exit");
        this.atrPeriod = parameters.integer("atr");
        this.atrMultiple = parameters.real("atrMultiple");
        this.quantity = parameters.whole("qty");
    }

    @Override
    public void onBar(StrategyContext context, Bar bar) {
        State s = states.computeIfAbsent(bar.symbol(), k -> new State(entryPeriod, exitPeriod, atrPeriod));
        // The channels of the previous bars decide; read them before this bar joins.
        boolean ready = s.entry.isReady() && s.exit.isReady() && s.atr.isReady();
        double upper = s.entry.upper();
        double lower = s.exit.lower();
        s.entry.update(bar.high(), bar.low());
        s.exit.update(bar.high(), bar.low());
        s.atr.update(bar.high(), bar.low(), bar.close());
        if (!ready) {
            return;
        }
        long position = context.position(bar.symbol());
        boolean working = !context.openOrders(bar.symbol()).isEmpty();
        if (position == 0 && !working && bar.close() > upper) {
            s.stop = null;
            s.stopPrice = 0;
            context.market(bar.symbol(), Side.BUY, quantity, Product.CNC);
        } else if (position > 0 && bar.close() < lower) {
            if (s.stop != null) {
                context.cancel(s.stop);
                s.stop = null;
            }
            s.stopPrice = 0;
            context.market(bar.symbol(), Side.SELL, position, Product.CNC);
        } else if (position > 0 && s.stop == null && s.stopPrice > 0 && !working) {
            // Yesterday's stop expired with the session: protect the position again.
            long tick = context.instrument(bar.symbol()).tickSizePaise();
            long floor = Paise.ceilToTick(bar.close() - Paise.scale(bar.close(), 9, 100), tick);
            placeStop(context, s, bar.symbol(), position, Math.max(floor, s.stopPrice));
        }
    }

    @Override
    public void onFill(StrategyContext context, OrderFilled fill) {
        State s = states.get(fill.symbol());
        if (fill.side() != Side.BUY || fill.remaining() != 0 || s == null) {
            return;
        }
        long tick = context.instrument(fill.symbol()).tickSizePaise();
        long distance = Math.round(atrMultiple * s.atr.value());
        long floor = Paise.ceilToTick(fill.price() - Paise.scale(fill.price(), 9, 100), tick);
        long trigger = Math.max(floor, Paise.floorToTick(fill.price() - distance, tick));
        long position = context.position(fill.symbol());
        if (position > 0 && trigger > 0) {
            s.stopPrice = trigger;
            placeStop(context, s, fill.symbol(), position, trigger);
        }
    }

    private static void placeStop(StrategyContext context, State s, Symbol symbol, long quantity, long trigger) {
        Optional<OrderId> stop = context.submit(OrderRequest.stopMarket(context.account(), context.bot(), symbol,
                Side.SELL, quantity, trigger, Product.CNC));
        s.stop = stop.orElse(null);
    }

    @Override
    public void onOrderEvent(StrategyContext context, OrderEvent event) {
        State s = states.values().stream().filter(st -> event.orderId().equals(st.stop)).findFirst().orElse(null);
        if (s != null && !(event instanceof com.quantdesk.core.event.OrderAccepted)
                && !(event instanceof com.quantdesk.core.event.OrderSubmitted)) {
            // The stop traded, was rejected or was cancelled: it no longer protects anything.
            if (!(event instanceof OrderFilled f) || f.remaining() == 0) {
                s.stop = null;
            }
        }
    }

    private static final class State {
        final Donchian entry;
        final Donchian exit;
        final Atr atr;
        OrderId stop;
        long stopPrice;

        State(int entryPeriod, int exitPeriod, int atrPeriod) {
            this.entry = new Donchian(entryPeriod);
            this.exit = new Donchian(exitPeriod);
            this.atr = new Atr(atrPeriod);
        }
    }
}
