package com.quantdesk.app;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.sim.data.BarFile;
import com.quantdesk.sim.data.CachingBarReader;
import com.quantdesk.sim.data.CsvBarReader;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.data.OhlcFix;
import com.quantdesk.sim.data.SyntheticMarket;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bars and instruments for a run, from CSV files or the synthetic market.
 *
 * @param bars        bars per symbol, in time order
 * @param instruments the instrument for each symbol
 * @param notes       things worth telling the user (values rounded or widened, rows skipped, cache trouble)
 * @param source      where the bars came from: {@code csv}, {@code cache} (every file from its bar
 *                    cache), {@code csv+cache} (some of each) or {@code synthetic}
 */
record MarketData(Map<Symbol, List<Bar>> bars, Function<Symbol, Optional<Instrument>> instruments,
                  List<String> notes, String source) {

    /** Minutes in an NSE normal-market session (09:15-15:30), the longest intraday bar. */
    private static final long SESSION_MINUTES = 375;

    /**
     * How CSV files are read.
     *
     * @param skipBadRows skip malformed rows (each reported in a note) instead of failing
     * @param ohlcFix     what to do with open or close outside high-low
     * @param cache       read and keep the binary bar cache beside each file
     */
    record CsvOptions(boolean skipBadRows, OhlcFix ohlcFix, boolean cache) {

        /** Validates. */
        CsvOptions {
            Objects.requireNonNull(ohlcFix, "ohlcFix");
        }

        /** Failing on bad rows, strict about high-low, with the cache. */
        static CsvOptions defaults() {
            return new CsvOptions(false, OhlcFix.STRICT, true);
        }
    }

    /** Reads CSV files with the cache and strict high-low; see {@link #load}. */
    static MarketData fromCsv(List<Path> files, boolean skipBadRows) {
        return load(files, new CsvOptions(skipBadRows, OhlcFix.STRICT, true));
    }

    /**
     * Reads CSV files, each once; the symbol of each is its file name (RELIANCE.csv → RELIANCE).
     * The one way bars get from files into a run, so every command reads them alike.
     *
     * @throws UsageException if a file is missing, two files name one symbol, or a file has no bars
     * @throws com.quantdesk.sim.data.BarFileException if a file cannot be read
     */
    static MarketData load(List<Path> files, CsvOptions options) {
        CsvBarReader reader = new CsvBarReader().skipBadRows(options.skipBadRows()).ohlcFix(options.ohlcFix());
        CachingBarReader cached = options.cache() ? new CachingBarReader(reader) : null;
        Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int fromCache = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("data file not found: " + file);
            }
            BarFile read;
            if (cached == null) {
                read = reader.read(file);
            } else {
                CachingBarReader.Read result = cached.read(file);
                read = result.file();
                fromCache += result.fromCache() ? 1 : 0;
                result.note().ifPresent(notes::add);
            }
            if (bars.containsKey(read.symbol())) {
                throw new UsageException("two data files for symbol " + read.symbol() + " (" + file + ")");
            }
            bars.put(read.symbol(), read.bars());
            if (read.roundedValues() > 0) {
                notes.add(file + ": rounded " + read.roundedValues() + " prices to the nearest paisa");
            }
            if (read.widenedRows() > 0) {
                notes.add(file + ": " + read.widenedRows() + " rows had open/close outside high-low: widened");
            }
            for (String skipped : read.skipped()) {
                notes.add("skipped " + skipped);
            }
            if (read.bars().isEmpty()) {
                throw new UsageException(file + ": no usable bars");
            }
        }
        InstrumentMaster nifty = InstrumentMaster.nifty50();
        Map<Symbol, Long> known = new HashMap<>();
        Map<Symbol, Instrument> instruments = new HashMap<>();
        bars.forEach((symbol, series) -> {
            long reference = series.getFirst().close();
            if (nifty.contains(symbol)) {
                known.put(symbol, reference);
            } else {
                instruments.put(symbol, nifty.orDefault(symbol, reference));
            }
        });
        InstrumentMaster master = nifty.withReferencePrices(known);
        for (Symbol symbol : known.keySet()) {
            instruments.put(symbol, master.get(symbol));
        }
        String source = fromCache == 0 ? "csv" : fromCache == files.size() ? "cache" : "csv+cache";
        return new MarketData(bars, s -> Optional.ofNullable(instruments.get(s)), notes, source);
    }

    /** Generates the deterministic synthetic market. */
    static MarketData synthetic(List<Symbol> symbols, LocalDate from, LocalDate to, Duration barSize, long seed) {
        SyntheticMarketConfig config;
        try {
            config = SyntheticMarketConfig.defaults(symbols, from, to).withBarSize(barSize).withSeed(seed);
        } catch (IllegalArgumentException e) {
            // The bar size is checked when parsed; what is left is the dates.
            throw new UsageException("--from/--to: " + e.getMessage(), e);
        }
        SyntheticMarket market = new SyntheticMarket(config);
        Map<Symbol, List<Bar>> bars = market.generate();
        if (bars.values().stream().allMatch(List::isEmpty)) {
            throw new UsageException("--from/--to: no trading days between " + from + " and " + to);
        }
        InstrumentMaster master = market.instruments();
        return new MarketData(bars, master::find, List.of(), "synthetic");
    }

    /** Parses the {@code --bar} option: {@code 1d}, or minutes or hours within one session ({@code 5m}, {@code 1h}). */
    static Duration parseBarSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration size = null;
        try {
            if (t.endsWith("d") && Long.parseLong(t.substring(0, t.length() - 1)) == 1) {
                return Duration.ofDays(1);
            }
            if (t.endsWith("m")) {
                size = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                size = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the usage error below
        }
        if (size == null) {
            throw new UsageException("--bar: bar size '" + text + "' is not one of 1d, <n>m or <n>h (e.g. 5m, 1h)");
        }
        if (size.toMinutes() < 1 || size.toMinutes() > SESSION_MINUTES) {
            throw new UsageException("--bar: bar size '" + text + "' must be 1d or from 1m to " + SESSION_MINUTES
                    + "m (one session, 09:15-15:30)");
        }
        return size;
    }

    /** Parses a comma-separated symbol list. */
    static List<Symbol> parseSymbols(String text) {
        List<Symbol> symbols = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                Symbol symbol = Symbol.of(part);
                if (symbols.contains(symbol)) {
                    throw new UsageException("--symbols: " + symbol + " is listed twice");
                }
                symbols.add(symbol);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--symbols: " + e.getMessage(), e);
            }
        }
        if (symbols.isEmpty()) {
            throw new UsageException("--symbols: give at least one symbol, e.g. RELIANCE,INFY");
        }
        return symbols;
    }
}
