package com.quantdesk.backtest;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.data.SyntheticMarket;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import com.quantdesk.sim.venue.VenueConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Backtest configurations for tests: default venue, no pre-trade checks, no risk-free rate. */
final class Backtests {

    /** ₹1,00,000. */
    static final long CAPITAL = 1_00_000_00;

    private Backtests() {
    }

    /** A run over synthetic bars of the SMA crossover with default parameters and Zerodha's charges. */
    static BacktestConfig synthetic(SyntheticMarketConfig market, long capital) {
        SyntheticMarket generated = new SyntheticMarket(market);
        InstrumentMaster instruments = generated.instruments();
        return new BacktestConfig(SmaCrossStrategy.DESCRIPTOR,
                StrategyParameters.defaults(SmaCrossStrategy.DESCRIPTOR.parameters()), generated.generate(),
                instruments::find, capital, VenueConfig.defaults(), Optional.of(ChargeRates.zerodhaNse()), 0.065,
                List.of());
    }

    /** A commission-free run of one symbol whose instrument has the given tick. */
    static BacktestConfig config(StrategyDescriptor strategy, Map<String, String> parameters, List<Bar> bars,
                                 long tickPaise) {
        return config(strategy, parameters, Map.of(bars.getFirst().symbol(), bars), tickPaise, Optional.empty(),
                CAPITAL);
    }

    /** A run of the given symbols, every instrument with the same tick. */
    static BacktestConfig config(StrategyDescriptor strategy, Map<String, String> parameters,
                                 Map<Symbol, List<Bar>> data, long tickPaise, Optional<ChargeRates> charges,
                                 long capital) {
        Map<Symbol, Instrument> instruments = new LinkedHashMap<>();
        for (Symbol symbol : data.keySet()) {
            instruments.put(symbol, Instrument.nseEquity(symbol.value(), tickPaise, "Unknown"));
        }
        return new BacktestConfig(strategy, StrategyParameters.resolve(strategy.parameters(), parameters), data,
                symbol -> Optional.ofNullable(instruments.get(symbol)), capital, VenueConfig.defaults(), charges,
                0.0, List.of());
    }
}
