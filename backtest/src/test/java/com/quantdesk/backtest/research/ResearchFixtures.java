package com.quantdesk.backtest.research;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import com.quantdesk.sim.data.SyntheticMarket;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import java.time.LocalDate;
import java.util.List;

/** Seeded synthetic daily data and a standard SMA-crossover template for the research tests. */
final class ResearchFixtures {

    /** ₹10,00,000. */
    static final long CAPITAL = 10_00_000_00L;

    private ResearchFixtures() {
    }

    /** The platform's default run of {@code sma-cross} over daily synthetic bars of the given symbols. */
    static BacktestConfig smaCross(LocalDate from, LocalDate to, String... symbols) {
        List<Symbol> list = java.util.Arrays.stream(symbols).map(Symbol::of).toList();
        SyntheticMarket market = new SyntheticMarket(SyntheticMarketConfig.defaults(list, from, to).withSeed(7));
        return BacktestConfig.standard(SmaCrossStrategy.DESCRIPTOR,
                StrategyParameters.defaults(SmaCrossStrategy.DESCRIPTOR.parameters()), market.generate(),
                market.instruments()::find, CAPITAL, 5);
    }
}
