package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Exchange;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.NseCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic synthetic NSE market: seeded bars for a set of symbols, for tests, demos and
 * backtests that must not depend on downloaded data.
 *
 * <p>Each symbol gets its own random stream derived from (seed, symbol), so adding or removing a
 * symbol never changes another's bars, and the same config gives identical bars on any machine.
 * A symbol starts at a price drawn between ₹100 and ₹5,000 and follows a geometric random walk
 * with Poisson jumps (a fifth of each day's variance falls overnight as an opening gap). OHLC come
 * from intrabar sub-steps and are rounded to the NSE tick of the start price. Volume is drawn in the
 * hundreds of thousands to millions per day, spread over intraday bars in a U shape heavier at the
 * open and close. Bars exist only on trading days, within 09:15–15:30 IST; daily bars are stamped
 * 09:15 IST.
 *
 * <p>Bars are generated on each call, not cached.
 */
public final class SyntheticMarket {

    private final SyntheticMarketConfig config;
    private final List<LocalDate> days;
    private final List<SyntheticSeries.Slot> slots;

    /** A market generating what {@code config} describes. */
    public SyntheticMarket(SyntheticMarketConfig config) {
        this.config = config;
        this.days = config.calendar().tradingDays(config.from(), config.to());
        this.slots = slots(config);
    }

    /** The configuration. */
    public SyntheticMarketConfig config() {
        return config;
    }

    /**
     * The bars of {@code symbol}, in time order.
     *
     * @throws IllegalArgumentException if the symbol is not in the configuration
     */
    public List<Bar> bars(Symbol symbol) {
        requireConfigured(symbol);
        return Collections.unmodifiableList(new SyntheticSeries(config.seed(), symbol).bars(config, days, slots));
    }

    /** The bars of every configured symbol, in configuration order. */
    public Map<Symbol, List<Bar>> generate() {
        Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        for (Symbol symbol : config.symbols()) {
            bars.put(symbol, bars(symbol));
        }
        return Collections.unmodifiableMap(bars);
    }

    /**
     * The instrument of each configured symbol: its NIFTY 50 sector where it has one, otherwise
     * {@link InstrumentMaster#UNKNOWN_SECTOR}, with the NSE tick of its start price.
     */
    public InstrumentMaster instruments() {
        InstrumentMaster nifty50 = InstrumentMaster.nifty50();
        List<Instrument> instruments = new ArrayList<>();
        for (Symbol symbol : config.symbols()) {
            SyntheticSeries series = new SyntheticSeries(config.seed(), symbol);
            String sector = nifty50.find(symbol).map(Instrument::sector).orElse(InstrumentMaster.UNKNOWN_SECTOR);
            instruments.add(new Instrument(symbol, Exchange.NSE, series.tickPaise(), 1, sector));
        }
        return InstrumentMaster.of(instruments);
    }

    /**
     * The price {@code symbol}'s bars start from under {@code seed}, on its NSE tick: what a live
     * synthetic feed with the same seed starts from, so the two tell the same story.
     */
    public static long startPricePaise(long seed, Symbol symbol) {
        return new SyntheticSeries(seed, symbol).startPaise();
    }

    /** The trading days the bars cover. */
    public List<LocalDate> tradingDays() {
        return days;
    }

    private void requireConfigured(Symbol symbol) {
        if (!config.symbols().contains(symbol)) {
            throw new IllegalArgumentException("symbol " + symbol + " is not in the configuration");
        }
    }

    private static List<SyntheticSeries.Slot> slots(SyntheticMarketConfig config) {
        int session = (int) SyntheticMarketConfig.SESSION.toMinutes();
        if (config.isDaily()) {
            return List.of(new SyntheticSeries.Slot(NseCalendar.SESSION_OPEN, session));
        }
        int size = (int) config.barSize().toMinutes();
        List<SyntheticSeries.Slot> slots = new ArrayList<>();
        for (int start = 0; start < session; start += size) {
            LocalTime time = NseCalendar.SESSION_OPEN.plusMinutes(start);
            slots.add(new SyntheticSeries.Slot(time, Math.min(size, session - start)));
        }
        return List.copyOf(slots);
    }
}
