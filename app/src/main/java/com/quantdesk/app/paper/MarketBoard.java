package com.quantdesk.app.paper;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.server.MarketView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the API shows of the paper market: the latest quote of each symbol and its recent bars.
 * Written by the engine thread as ticks and bars arrive, read by any thread.
 */
public final class MarketBoard implements MarketView {

    /** Bars kept per symbol and interval. */
    static final int KEPT_BARS = 1000;

    private final List<Instrument> instruments;
    private final Map<Symbol, Instrument> bySymbol = new ConcurrentHashMap<>();
    private final List<BarInterval> intervals;
    private final Map<Symbol, Quote> quotes = new ConcurrentHashMap<>();
    private final Map<Symbol, LocalDate> quoteDays = new ConcurrentHashMap<>();
    private final Map<String, Deque<Bar>> bars = new ConcurrentHashMap<>();
    private final List<Consumer<Quote>> listeners = new CopyOnWriteArrayList<>();

    MarketBoard(List<Instrument> instruments, List<BarInterval> intervals) {
        this.instruments = List.copyOf(instruments);
        this.intervals = List.copyOf(intervals);
        instruments.forEach(i -> bySymbol.put(i.symbol(), i));
    }

    /** A trade: the symbol's quote moves. Engine thread. */
    void onTick(Tick tick) {
        quote(tick.symbol(), tick.time(), tick.price(), tick.price(), tick.price(), tick.size());
    }

    /** A bar closed. Engine thread. */
    void onBar(Bar bar, BarInterval interval) {
        Deque<Bar> kept = bars.computeIfAbsent(key(bar.symbol(), interval), k -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(bar);
            if (kept.size() > KEPT_BARS) {
                kept.removeFirst();
            }
        }
    }

    /** A replayed bar: a bar and the trade at its close. Engine thread. */
    void onReplayedBar(Bar bar, BarInterval interval) {
        onBar(bar, interval);
        quote(bar.symbol(), bar.time(), bar.close(), bar.high(), bar.low(), bar.volume());
    }

    private void quote(Symbol symbol, Instant time, long last, long high, long low, long volume) {
        LocalDate day = MarketTime.tradeDate(time);
        Quote before = quotes.get(symbol);
        Quote next;
        if (before == null || !day.equals(quoteDays.get(symbol))) {
            next = new Quote(symbol, last, time, last, high, low, volume);
            quoteDays.put(symbol, day);
        } else {
            next = new Quote(symbol, last, time, before.open(), Math.max(before.high(), high),
                    Math.min(before.low(), low), before.volume() + volume);
        }
        quotes.put(symbol, next);
        for (Consumer<Quote> listener : listeners) {
            listener.accept(next);
        }
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Optional<Instrument> instrument(Symbol symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    @Override
    public Optional<Quote> quote(Symbol symbol) {
        return Optional.ofNullable(quotes.get(symbol));
    }

    @Override
    public List<Bar> bars(Symbol symbol, BarInterval interval, int limit) {
        Deque<Bar> kept = bars.get(key(symbol, interval));
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            List<Bar> all = new ArrayList<>(kept);
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    @Override
    public List<BarInterval> intervals() {
        return intervals;
    }

    @Override
    public void onQuote(Consumer<Quote> listener) {
        listeners.add(listener);
    }

    private static String key(Symbol symbol, BarInterval interval) {
        return symbol.value() + "/" + interval.length().toMinutes();
    }
}
