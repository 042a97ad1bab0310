package com.quantdesk.kite.live;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickSource;
import com.quantdesk.kite.rest.InstrumentKey;
import com.quantdesk.kite.rest.KiteClient;
import com.quantdesk.kite.rest.KiteException;
import com.quantdesk.kite.rest.KiteQuote;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback market feed: full quotes read over REST ({@code GET /quote}, up to 500 instruments a
 * call, within Kite's one quote call a second) while the ticker is quiet, as core {@link Tick}s.
 *
 * <p>It reads only when {@code wanted} says so (the ticker has been silent for a while), so a
 * healthy ticker costs no REST calls. A quote becomes a tick when its last trade time, price or
 * volume moved since the previous read; its size is the growth of the day's volume. Reads run on a
 * thread of their own; {@link #poll()} drains what they found.
 */
public final class QuotePolling implements TickSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuotePolling.class);
    private static final int MAX_PER_CALL = 500;

    private final KiteClient client;
    private final Map<InstrumentKey, Symbol> symbols = new LinkedHashMap<>();
    private final InstantSource clock;
    private final BooleanSupplier wanted;
    private final Duration period;
    private final Queue<Tick> ready = new ConcurrentLinkedQueue<>();
    private final Map<Symbol, KiteQuote> previous = new HashMap<>();
    private ScheduledExecutorService reader;
    private volatile long reads;

    /**
     * @param symbols NSE symbols to quote
     * @param period  time between reads (Kite allows one quote call a second)
     * @param wanted  whether to read now (the primary feed is quiet)
     */
    public QuotePolling(KiteClient client, List<Symbol> symbols, InstantSource clock, Duration period,
                        BooleanSupplier wanted) {
        this.client = client;
        for (Symbol symbol : symbols) {
            this.symbols.put(InstrumentKey.nse(symbol.value()), symbol);
        }
        this.clock = clock;
        this.period = period;
        this.wanted = wanted;
    }

    /** Starts reading every period. */
    public void start() {
        reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kite-quotes");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::readIfWanted, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void readIfWanted() {
        if (symbols.isEmpty() || !wanted.getAsBoolean()) {
            return;
        }
        try {
            read();
        } catch (KiteException e) {
            LOG.warn("REST quotes failed: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("REST quotes failed unexpectedly", e);
        }
    }

    /** One read of every symbol's quote; its ticks are queued for {@link #poll()}. Reader thread (or a test). */
    void read() {
        List<InstrumentKey> keys = new ArrayList<>(symbols.keySet());
        for (int from = 0; from < keys.size(); from += MAX_PER_CALL) {
            Map<InstrumentKey, KiteQuote> quotes = client.quote(keys.subList(from, Math.min(keys.size(),
                    from + MAX_PER_CALL)));
            reads++;
            quotes.forEach((key, quote) -> {
                Symbol symbol = symbols.get(key);
                if (symbol != null) {
                    onQuote(symbol, quote);
                }
            });
        }
    }

    private void onQuote(Symbol symbol, KiteQuote quote) {
        KiteQuote before = previous.put(symbol, quote);
        if (quote.lastPrice() <= 0) {
            return;
        }
        if (before != null && before.lastPrice() == quote.lastPrice() && before.volume() == quote.volume()
                && java.util.Objects.equals(before.lastTradeTime(), quote.lastTradeTime())) {
            return; // nothing traded since the last read
        }
        long size = before == null || quote.volume() < before.volume() ? 0 : quote.volume() - before.volume();
        Instant time = quote.timestamp() != null ? quote.timestamp()
                : quote.lastTradeTime() != null ? quote.lastTradeTime() : clock.instant();
        ready.add(new Tick(symbol, time, quote.lastPrice(), size));
    }

    @Override
    public List<Tick> poll() {
        List<Tick> ticks = new ArrayList<>();
        for (Tick tick = ready.poll(); tick != null; tick = ready.poll()) {
            ticks.add(tick);
        }
        return ticks;
    }

    /** REST reads made so far. */
    public long reads() {
        return reads;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.shutdownNow();
        }
    }
}
