package com.quantdesk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.venue.VenueConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A CNC position opened and closed within one day is charged as intraday, end to end. */
class SameDayCncBacktestTest {

    private static final Symbol ABC = Symbol.of("ABC");
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    /** Buys 100 CNC on the first bar, sells them on the third. */
    private static final class InAndOut implements Strategy {
        private int bar;

        @Override
        public void onBar(StrategyContext context, Bar b) {
            int index = bar++;
            if (index == 0 || index == 2) {
                context.submit(OrderRequest.market(context.account(), context.bot(), ABC,
                        index == 0 ? Side.BUY : Side.SELL, 100, Product.CNC));
            }
        }
    }

    private static Instant at(int hour, int minute) {
        return MONDAY.atTime(LocalTime.of(hour, minute)).atZone(MarketTime.IST).toInstant();
    }

    @Test
    void theWorkedIntradayExampleTradedCncCostsTheSameAsMis() {
        List<Bar> bars = List.of(new Bar(ABC, at(9, 15), 1_400_00, 1_400_00, 1_400_00, 1_400_00, 1_000_000),
                new Bar(ABC, at(9, 20), 1_400_00, 1_400_00, 1_400_00, 1_400_00, 1_000_000),
                new Bar(ABC, at(9, 25), 1_407_00, 1_407_00, 1_407_00, 1_407_00, 1_000_000),
                new Bar(ABC, at(9, 30), 1_407_00, 1_407_00, 1_407_00, 1_407_00, 1_000_000));
        Instrument abc = Instrument.nseEquity("ABC", 5, "Unknown");
        StrategyDescriptor strategy = new StrategyDescriptor("in-and-out", "CNC in and out the same day", List.of(),
                parameters -> new InAndOut());

        BacktestResult result = new BacktestRunner().run(new BacktestConfig(strategy,
                StrategyParameters.defaults(List.of()), Map.of(ABC, bars), symbol -> Optional.of(abc), 2_00_000_00,
                VenueConfig.defaults(), Optional.of(ChargeRates.zerodhaNse()), 0.0, List.of(), Optional.empty()));

        // The buy pays delivery charges (166.07); the sell that squares it off the same day is charged
        // intraday and refunds the difference: 32.87 + 63.70 − 166.07 = −69.50.
        assertThat(result.fills()).extracting(FillRecord::side, FillRecord::price, FillRecord::charges)
                .containsExactly(tuple(Side.BUY, 1_400_00L, 166_07L), tuple(Side.SELL, 1_407_00L, -69_50L));
        assertThat(result.trades()).singleElement().extracting(RoundTrip::chargesPaise, RoundTrip::netPnlPaise)
                .containsExactly(96_57L, 700_00L - 96_57L);
        assertThat(result.finalEquity()).isEqualTo(2_00_000_00 - 1_40_000_00 - 166_07 + 1_40_700_00 + 69_50);
        assertThat(result.metrics().totalChargesPaise()).isEqualTo(96_57);
    }
}
