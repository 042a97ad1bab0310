package com.quantdesk.server.backtest;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where backtest jobs get their bars: the composition root decides (the synthetic market, or a
 * directory of CSV files).
 */
public interface BacktestData {

    /**
     * Bars and instruments for a run.
     *
     * @param bars        per symbol, in time order
     * @param instruments the instruments of those symbols
     * @param notes       what a person should know about the data (gaps, substitutions)
     */
    record Loaded(Map<Symbol, List<Bar>> bars, Function<Symbol, Optional<Instrument>> instruments,
                  List<String> notes) {
    }

    /**
     * Loads bars of {@code interval} for {@code symbols} from {@code from} to {@code to}.
     *
     * @throws IllegalArgumentException naming what cannot be had (a symbol, a range)
     */
    Loaded load(List<Symbol> symbols, LocalDate from, LocalDate to, BarInterval interval, long seed);
}
