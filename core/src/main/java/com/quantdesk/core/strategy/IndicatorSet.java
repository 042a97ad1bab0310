package com.quantdesk.core.strategy;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.indicator.Atr;
import com.quantdesk.core.indicator.Bollinger;
import com.quantdesk.core.indicator.Donchian;
import com.quantdesk.core.indicator.Ema;
import com.quantdesk.core.indicator.Macd;
import com.quantdesk.core.indicator.Rsi;
import com.quantdesk.core.indicator.Sma;
import com.quantdesk.core.indicator.Vwap;
import com.quantdesk.core.time.MarketTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Indicators bound to one symbol's bars. The engine feeds every bar of the symbol to them before
 * the strategy's {@code onBar}, so a strategy reads up-to-date values without updating anything.
 * Asking twice for the same indicator and parameters returns the same instance, so a strategy may
 * ask on every bar. Price inputs are paise (as doubles).
 */
public final class IndicatorSet {

    private final Map<String, Object> byKey = new HashMap<>();
    private final List<Consumer<Bar>> updaters = new ArrayList<>();
    private long vwapDay = Long.MIN_VALUE;

    /** Simple moving average of closes. */
    public Sma sma(int period) {
        return bind("sma:" + period, () -> new Sma(period), (sma, bar) -> sma.update(bar.close()));
    }

    /** Exponential moving average of closes, seeded with the SMA of the first {@code period} closes. */
    public Ema ema(int period) {
        return bind("ema:" + period, () -> new Ema(period), (ema, bar) -> ema.update(bar.close()));
    }

    /** Wilder's RSI of closes. */
    public Rsi rsi(int period) {
        return bind("rsi:" + period, () -> new Rsi(period), (rsi, bar) -> rsi.update(bar.close()));
    }

    /** MACD of closes. */
    public Macd macd(int fast, int slow, int signal) {
        return bind("macd:" + fast + ":" + slow + ":" + signal, () -> new Macd(fast, slow, signal),
                (macd, bar) -> macd.update(bar.close()));
    }

    /** Bollinger bands of closes with {@code k} population standard deviations. */
    public Bollinger bollinger(int period, double k) {
        return bind("bollinger:" + period + ":" + k, () -> new Bollinger(period, k),
                (b, bar) -> b.update(bar.close()));
    }

    /** Wilder's average true range. */
    public Atr atr(int period) {
        return bind("atr:" + period, () -> new Atr(period), (atr, bar) -> atr.update(bar.high(), bar.low(),
                bar.close()));
    }

    /** Donchian channel of highs and lows, the current bar included. */
    public Donchian donchian(int period) {
        return bind("donchian:" + period, () -> new Donchian(period), (d, bar) -> d.update(bar.high(), bar.low()));
    }

    /** Session VWAP on typical price; it restarts on each new IST trading day. */
    public Vwap vwap() {
        return bind("vwap", Vwap::new, (vwap, bar) -> {
            long day = MarketTime.tradeEpochDay(bar.time());
            if (day != vwapDay) {
                vwap.reset();
                vwapDay = day;
            }
            vwap.update(bar.high(), bar.low(), bar.close(), bar.volume());
        });
    }

    private <T> T bind(String key, Supplier<T> create, java.util.function.BiConsumer<T, Bar> update) {
        @SuppressWarnings("unchecked")
        T existing = (T) byKey.get(key);
        if (existing != null) {
            return existing;
        }
        T indicator = create.get();
        byKey.put(key, indicator);
        updaters.add(bar -> update.accept(indicator, bar));
        return indicator;
    }

    /** Feeds a bar to every bound indicator. Called by the engine. */
    public void update(Bar bar) {
        for (int i = 0; i < updaters.size(); i++) {
            updaters.get(i).accept(bar);
        }
    }

    /** Whether any indicator is bound. */
    public boolean isEmpty() {
        return updaters.isEmpty();
    }
}
