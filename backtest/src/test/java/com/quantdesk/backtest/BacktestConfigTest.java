package com.quantdesk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import com.quantdesk.sim.venue.VenueConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BacktestConfigTest {

    private static final Symbol ABC = Symbol.of("ABC");
    private static final Instrument ABC_INSTRUMENT = Instrument.nseEquity("ABC", 1, "Unknown");
    private static final StrategyParameters DEFAULTS = StrategyParameters.defaults(
            SmaCrossStrategy.DESCRIPTOR.parameters());

    @Test
    void rejectsARunWithoutBars() {
        assertThatThrownBy(() -> config(Map.of(ABC, List.of()), 1_00))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no bars to backtest");
        assertThatThrownBy(() -> config(Map.of(), 1_00)).hasMessage("no bars to backtest");
    }

    @Test
    void rejectsCapitalThatIsNotPositive() {
        assertThatThrownBy(() -> config(Map.of(ABC, Bars.fromRupeeCloses(ABC, 100)), 0))
                .hasMessage("capital must be positive");
    }

    @Test
    void rejectsASymbolMissingFromTheInstrumentMaster() {
        Symbol xyz = Symbol.of("XYZ");

        assertThatThrownBy(() -> config(Map.of(xyz, Bars.fromRupeeCloses(xyz, 100)), 1_00))
                .hasMessage("no instrument for symbol XYZ");
    }

    @Test
    void keepsTheDataAsGivenEvenIfTheCallersMapChanges() {
        Map<Symbol, List<Bar>> data = new LinkedHashMap<>();
        data.put(ABC, Bars.fromRupeeCloses(ABC, 100, 101));
        BacktestConfig config = config(data, 1_00);

        data.clear();

        assertThat(config.data()).containsOnlyKeys(ABC);
        assertThatThrownBy(() -> config.data().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static BacktestConfig config(Map<Symbol, List<Bar>> data, long capital) {
        return new BacktestConfig(SmaCrossStrategy.DESCRIPTOR, DEFAULTS, data,
                symbol -> symbol.equals(ABC) ? Optional.of(ABC_INSTRUMENT) : Optional.empty(), capital,
                VenueConfig.defaults(), Optional.empty(), 0.0, List.of());
    }
}
