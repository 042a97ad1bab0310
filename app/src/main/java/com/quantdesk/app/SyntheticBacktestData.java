package com.quantdesk.app;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.server.backtest.BacktestData;
import java.time.LocalDate;
import java.util.List;

/** Backtest jobs of the API run on the deterministic synthetic market. */
final class SyntheticBacktestData implements BacktestData {

    @Override
    public Loaded load(List<Symbol> symbols, LocalDate from, LocalDate to, BarInterval interval, long seed) {
        try {
            MarketData data = MarketData.synthetic(symbols, from, to, interval.length(), seed);
            return new Loaded(data.bars(), data.instruments(), data.notes());
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
