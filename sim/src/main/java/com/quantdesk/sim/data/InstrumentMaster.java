package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Exchange;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The instruments the simulator knows, by symbol: NSE cash equities with lot size 1, a sector and
 * a tick size.
 *
 * <p>NSE sets a stock's tick from its price (see {@link Instrument#nseTickFor(long)}), so a master
 * built without prices can only guess; {@link #withReferencePrices(Map)} re-derives the ticks from
 * reference closes. Immutable.
 */
public final class InstrumentMaster {

    /**
     * Tick used when no reference price is known: ₹0.05, the tick most NIFTY 50 stocks had before
     * price-based ticks. Supply reference prices for the current rule.
     */
    public static final long DEFAULT_TICK_PAISE = 5;

    /** Sector of symbols that are not in the master. */
    public static final String UNKNOWN_SECTOR = "Unknown";

    private static final String NIFTY50_RESOURCE = "nifty50-sectors.csv";

    private final Map<Symbol, Instrument> bySymbol;

    private InstrumentMaster(Map<Symbol, Instrument> bySymbol) {
        this.bySymbol = Collections.unmodifiableMap(bySymbol);
    }

    /**
     * A master holding {@code instruments}.
     *
     * @throws IllegalArgumentException if two instruments share a symbol
     */
    public static InstrumentMaster of(Collection<Instrument> instruments) {
        Map<Symbol, Instrument> bySymbol = new TreeMap<>();
        for (Instrument instrument : instruments) {
            if (bySymbol.putIfAbsent(instrument.symbol(), instrument) != null) {
                throw new IllegalArgumentException("duplicate symbol " + instrument.symbol());
            }
        }
        return new InstrumentMaster(bySymbol);
    }

    /**
     * The NIFTY 50 constituents with their NSE sectors, each with tick {@link #DEFAULT_TICK_PAISE}.
     *
     * @throws IllegalStateException if the bundled constituent list is missing or malformed
     */
    public static InstrumentMaster nifty50() {
        try (InputStream in = InstrumentMaster.class.getResourceAsStream(NIFTY50_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + NIFTY50_RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return of(parseSectors(reader.lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + NIFTY50_RESOURCE, e);
        }
    }

    /**
     * The NIFTY 50 constituents with ticks from {@code referencePricesPaise} where given and
     * {@link #DEFAULT_TICK_PAISE} otherwise.
     *
     * @throws IllegalArgumentException if a price is for a symbol outside NIFTY 50 or not positive
     */
    public static InstrumentMaster nifty50(Map<Symbol, Long> referencePricesPaise) {
        return nifty50().withReferencePrices(referencePricesPaise);
    }

    private static List<Instrument> parseSectors(List<String> lines) {
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            // Split at the first comma only: sector names never contain one, symbols never do either.
            int comma = line.indexOf(',');
            if (comma <= 0 || comma == line.length() - 1) {
                throw new IllegalStateException(NIFTY50_RESOURCE + " line " + (i + 1) + ": expected symbol,sector");
            }
            instruments.add(new Instrument(Symbol.of(line.substring(0, comma)), Exchange.NSE, DEFAULT_TICK_PAISE, 1,
                    line.substring(comma + 1).strip()));
        }
        return instruments;
    }

    /**
     * The instrument for {@code symbol}.
     *
     * @throws IllegalArgumentException with message {@code "unknown symbol X"} if it is not in the master
     */
    public Instrument get(Symbol symbol) {
        Instrument instrument = bySymbol.get(symbol);
        if (instrument == null) {
            throw new IllegalArgumentException("unknown symbol " + symbol);
        }
        return instrument;
    }

    /** The instrument for {@code symbol}, if it is in the master. */
    public Optional<Instrument> find(Symbol symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** Whether {@code symbol} is in the master. */
    public boolean contains(Symbol symbol) {
        return bySymbol.containsKey(symbol);
    }

    /** All instruments, ordered by symbol. */
    public List<Instrument> all() {
        return List.copyOf(bySymbol.values());
    }

    /** Number of instruments. */
    public int size() {
        return bySymbol.size();
    }

    /**
     * The master's instrument for {@code symbol}, or for a symbol outside the master an NSE equity
     * with sector {@link #UNKNOWN_SECTOR}, lot 1 and the NSE tick for {@code referencePricePaise}.
     *
     * @throws IllegalArgumentException if the price is needed and not positive
     */
    public Instrument orDefault(Symbol symbol, long referencePricePaise) {
        Instrument known = bySymbol.get(symbol);
        if (known != null) {
            return known;
        }
        return new Instrument(symbol, Exchange.NSE, tickFor(symbol, referencePricePaise), 1, UNKNOWN_SECTOR);
    }

    /**
     * This master with the ticks of the given symbols re-derived from their reference prices; other
     * instruments keep their tick.
     *
     * @throws IllegalArgumentException if a symbol is not in the master or a price is not positive
     */
    public InstrumentMaster withReferencePrices(Map<Symbol, Long> referencePricesPaise) {
        Map<Symbol, Instrument> updated = new TreeMap<>(bySymbol);
        referencePricesPaise.forEach((symbol, price) -> {
            Instrument old = get(symbol);
            updated.put(symbol, new Instrument(symbol, old.exchange(), tickFor(symbol, price), old.lotSize(),
                    old.sector()));
        });
        return new InstrumentMaster(updated);
    }

    private static long tickFor(Symbol symbol, long referencePricePaise) {
        if (referencePricePaise <= 0) {
            throw new IllegalArgumentException("reference price for " + symbol + " must be positive, was "
                    + referencePricePaise);
        }
        return Instrument.nseTickFor(referencePricePaise);
    }

    @Override
    public String toString() {
        return "InstrumentMaster[" + bySymbol.size() + " instruments]";
    }
}
