package com.quantdesk.kite.ticker;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickSource;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Core's {@link TickSource} over a {@link KiteTicker}: register it as (or inside) the ticker's
 * listener, and {@link #poll()} returns a core {@link Tick} for each packet of a mapped instrument.
 *
 * <p>Mapping: the symbol comes from the token → symbol map given here (packets of other tokens are
 * dropped); the price is the last price in paise ({@link Segment#toPaiseRounded}, the identity for
 * NSE and BSE); the size is the growth of the day's volume since the instrument's previous quote or
 * full packet (0 for the first, for LTP and index packets, and when the volume restarts), so volume
 * is not counted twice when a packet repeats the last trade; the time is the packet's exchange
 * timestamp (else its last trade time) when it carries one, else the injected clock's time of
 * arrival.
 *
 * <p>Threading: packets arrive on the ticker's thread, {@code poll} is called from one consumer
 * thread; they meet in a concurrent queue.
 */
public final class KiteTickSource implements TickSource, TickerListener {

    private final Map<Long, Symbol> symbols;
    private final InstantSource clock;
    private final Queue<Tick> ready = new ConcurrentLinkedQueue<>();
    private final Map<Long, Long> volumes = new ConcurrentHashMap<>();

    /** A source of ticks for the instruments of {@code symbolsByToken}, timed by {@code clock} when packets carry no time. */
    public KiteTickSource(Map<Long, Symbol> symbolsByToken, InstantSource clock) {
        this.symbols = Map.copyOf(Objects.requireNonNull(symbolsByToken, "symbolsByToken"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Subscribes every mapped instrument on {@code ticker} in {@code mode}. */
    public void subscribeAll(KiteTicker ticker, TickerMode mode) {
        if (!symbols.isEmpty()) {
            ticker.subscribe(mode, symbols.keySet());
        }
    }

    @Override
    public void onPackets(List<TickerPacket> packets) {
        for (TickerPacket packet : packets) {
            Symbol symbol = symbols.get(packet.instrumentToken());
            if (symbol != null) {
                long price = packet.segment().toPaiseRounded(packet.lastPrice());
                ready.add(new Tick(symbol, time(packet), price, size(packet)));
            }
        }
    }

    @Override
    public List<Tick> poll() {
        List<Tick> ticks = new ArrayList<>();
        for (Tick tick = ready.poll(); tick != null; tick = ready.poll()) {
            ticks.add(tick);
        }
        return ticks;
    }

    private long size(TickerPacket packet) {
        TickerPacket.Quote quote = switch (packet) {
            case TickerPacket.Quote q -> q;
            case TickerPacket.Full f -> f.quote();
            case TickerPacket.Ltp l -> null;
            case TickerPacket.IndexQuote i -> null;
            case TickerPacket.IndexFull i -> null;
        };
        if (quote == null) {
            return 0;
        }
        Long previous = volumes.put(quote.instrumentToken(), quote.volume());
        return previous == null || quote.volume() < previous ? 0 : quote.volume() - previous;
    }

    private Instant time(TickerPacket packet) {
        Instant sent = switch (packet) {
            case TickerPacket.Full f -> f.exchangeTimestamp().equals(Instant.EPOCH) ? f.lastTradeTime()
                    : f.exchangeTimestamp();
            case TickerPacket.IndexFull i -> i.exchangeTimestamp();
            case TickerPacket.Ltp l -> Instant.EPOCH;
            case TickerPacket.IndexQuote i -> Instant.EPOCH;
            case TickerPacket.Quote q -> Instant.EPOCH;
        };
        return sent.equals(Instant.EPOCH) ? clock.instant() : sent;
    }
}
