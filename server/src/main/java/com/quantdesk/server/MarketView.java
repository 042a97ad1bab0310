package com.quantdesk.server;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The market as the API shows it: the tradable instruments, each one's latest quote, and its
 * recent bars. Safe to call from any thread; what it returns is immutable.
 */
public interface MarketView {

    /**
     * The latest trade and the day so far, in paise.
     *
     * @param symbol the instrument
     * @param last   last traded price
     * @param time   when it traded
     * @param open   the day's first price
     * @param high   the day's highest
     * @param low    the day's lowest
     * @param volume shares traded today
     */
    record Quote(Symbol symbol, long last, Instant time, long open, long high, long low, long volume) {
    }

    /** Every instrument that can be traded, by symbol. */
    List<Instrument> instruments();

    /** One instrument. */
    Optional<Instrument> instrument(Symbol symbol);

    /** The latest quote of a symbol, once it has traded. */
    Optional<Quote> quote(Symbol symbol);

    /** Up to {@code limit} of the most recent closed bars, oldest first. */
    List<Bar> bars(Symbol symbol, BarInterval interval, int limit);

    /** The intervals bars are kept for. */
    List<BarInterval> intervals();

    /** Tells {@code listener} of every new quote (on the market's thread; it must not block). */
    void onQuote(Consumer<Quote> listener);
}
