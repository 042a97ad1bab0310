package com.quantdesk.backtest;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.PreTradeCheck;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.venue.VenueConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything one backtest needs.
 *
 * @param strategy           the strategy to run
 * @param parameters         its resolved parameters
 * @param data               bars per symbol, each in increasing time order
 * @param instruments        instrument master (tick, lot, sector)
 * @param initialCapital     starting cash, paise
 * @param venue              fill rules of the simulated venue
 * @param chargeRates        NSE charges to apply, or empty for a commission-free run
 * @param annualRiskFreeRate risk-free rate for Sharpe and Sortino, as a fraction
 * @param checks             pre-trade checks the engine runs on every order
 * @param riskLimits         limits of the risk engine, or empty to run without one
 */
public record BacktestConfig(StrategyDescriptor strategy, StrategyParameters parameters, Map<Symbol, List<Bar>> data,
                             Function<Symbol, Optional<Instrument>> instruments, long initialCapital,
                             VenueConfig venue, Optional<ChargeRates> chargeRates, double annualRiskFreeRate,
                             List<PreTradeCheck> checks, Optional<RiskLimits> riskLimits) {

    /** The account every backtest trades in. */
    public static final AccountId ACCOUNT = AccountId.of("backtest");

    /** The bot every backtest runs as. */
    public static final BotId BOT = BotId.of("backtest");

    /** A configuration without a risk engine. */
    public BacktestConfig(StrategyDescriptor strategy, StrategyParameters parameters, Map<Symbol, List<Bar>> data,
                          Function<Symbol, Optional<Instrument>> instruments, long initialCapital, VenueConfig venue,
                          Optional<ChargeRates> chargeRates, double annualRiskFreeRate, List<PreTradeCheck> checks) {
        this(strategy, parameters, data, instruments, initialCapital, venue, chargeRates, annualRiskFreeRate, checks,
                Optional.empty());
    }

    /**
     * A run as the platform runs it by default: the default venue with {@code slippageBps}, Zerodha's
     * NSE charges, no risk-free rate, the backtest risk limits.
     */
    public static BacktestConfig standard(StrategyDescriptor strategy, StrategyParameters parameters,
                                          Map<Symbol, List<Bar>> data,
                                          Function<Symbol, Optional<Instrument>> instruments, long initialCapital,
                                          int slippageBps) {
        return new BacktestConfig(strategy, parameters, data, instruments, initialCapital,
                VenueConfig.defaults().withSlippageBps(slippageBps), Optional.of(ChargeRates.zerodhaNse()), 0,
                List.of(), Optional.of(backtestRiskLimits()));
    }

    /**
     * The limits a backtest uses by default: the production defaults, except that market-data
     * staleness means nothing on replayed time.
     */
    public static RiskLimits backtestRiskLimits() {
        return RiskLimits.defaults().withStaleDataAfter(java.time.Duration.ZERO);
    }

    /** Validates the configuration. */
    public BacktestConfig {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(chargeRates, "chargeRates");
        Objects.requireNonNull(riskLimits, "riskLimits");
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        checks = List.copyOf(checks);
        if (data.isEmpty() || data.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("no bars to backtest");
        }
        if (initialCapital <= 0) {
            throw new IllegalArgumentException("capital must be positive");
        }
        if (!Double.isFinite(annualRiskFreeRate) || annualRiskFreeRate <= -1) {
            throw new IllegalArgumentException("risk-free rate must be a number above -1, was " + annualRiskFreeRate);
        }
        for (Symbol symbol : data.keySet()) {
            if (instruments.apply(symbol).isEmpty()) {
                throw new IllegalArgumentException("no instrument for symbol " + symbol);
            }
        }
    }
}
