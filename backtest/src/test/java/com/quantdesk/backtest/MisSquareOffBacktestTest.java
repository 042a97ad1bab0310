package com.quantdesk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.sim.venue.VenueConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An intraday strategy that buys 10 shares MIS on the first 5-minute bar and never exits: the risk
 * engine squares the position off at 15:20 IST, and the simulated venue fills that market order at
 * the open of the 15:20 bar.
 */
class MisSquareOffBacktestTest {

    private static final Symbol ABC = Symbol.of("ABC");
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    /** Buys once, MIS, and holds. */
    private static final class BuyAndHoldMis implements Strategy {
        private boolean bought;

        @Override
        public void onBar(StrategyContext context, Bar bar) {
            if (!bought) {
                bought = true;
                context.submit(OrderRequest.market(context.account(), context.bot(), ABC,
                        Side.BUY, 10, Product.MIS));
            }
        }
    }

    private static final StrategyDescriptor BUY_AND_HOLD_MIS = new StrategyDescriptor("buy-and-hold-mis",
            "buys 10 shares MIS on the first bar and holds", List.of(), parameters -> new BuyAndHoldMis());

    /** 5-minute bars from 09:15 to 15:25 IST; bar i opens at ₹100 + i paise, so a fill price names its bar. */
    private static List<Bar> fiveMinuteBars() {
        List<Bar> bars = new ArrayList<>();
        LocalTime time = MarketTime.OPEN;
        for (int i = 0; !time.isAfter(LocalTime.of(15, 25)); i++, time = time.plusMinutes(5)) {
            long open = 100_00 + i;
            bars.add(new Bar(ABC, at(time), open, open + 50, open - 50, open, 1_000_000));
        }
        return bars;
    }

    private static Instant at(LocalTime time) {
        return MONDAY.atTime(time).atZone(MarketTime.IST).toInstant();
    }

    private static long openAt(LocalTime time) {
        return 100_00 + java.time.Duration.between(MarketTime.OPEN, time).toMinutes() / 5;
    }

    @Test
    void squaresOffTheMisPositionAtTheOpenOfTheCutoffBar() {
        Instrument abc = Instrument.nseEquity("ABC", 1, "Unknown");
        BacktestConfig config = new BacktestConfig(BUY_AND_HOLD_MIS, StrategyParameters.defaults(List.of()),
                Map.of(ABC, fiveMinuteBars()), symbol -> symbol.equals(ABC) ? Optional.of(abc) : Optional.empty(),
                Backtests.CAPITAL, VenueConfig.defaults(), Optional.empty(), 0.0, List.of(),
                Optional.of(BacktestConfig.backtestRiskLimits()));

        BacktestResult result = new BacktestRunner().run(config);

        assertThat(result.fills()).extracting(FillRecord::time, FillRecord::side, FillRecord::product,
                FillRecord::quantity, FillRecord::price).containsExactly(
                tuple(at(LocalTime.of(9, 20)), Side.BUY, Product.MIS, 10L, openAt(LocalTime.of(9, 20))),
                tuple(at(LocalTime.of(15, 20)), Side.SELL, Product.MIS, 10L, openAt(LocalTime.of(15, 20))));
        assertThat(result.orders()).extracting(OrderRecord::side, OrderRecord::status, OrderRecord::createdAt)
                .containsExactly(tuple(Side.BUY, OrderStatus.FILLED, at(MarketTime.OPEN)),
                        tuple(Side.SELL, OrderStatus.FILLED, at(LocalTime.of(15, 20))));
        assertThat(result.openPositions()).isEmpty();
        assertThat(result.trades()).singleElement().satisfies(trip -> {
            assertThat(trip.exitTime()).isEqualTo(at(LocalTime.of(15, 20)));
            assertThat(trip.grossPnlPaise()).isEqualTo(10 * (openAt(LocalTime.of(15, 20))
                    - openAt(LocalTime.of(9, 20))));
        });
        assertThat(result.denialsByReason()).isEmpty();
    }

    @Test
    void withoutTheRiskEngineTheMisPositionStaysOpen() {
        Instrument abc = Instrument.nseEquity("ABC", 1, "Unknown");
        BacktestConfig config = new BacktestConfig(BUY_AND_HOLD_MIS, StrategyParameters.defaults(List.of()),
                Map.of(ABC, fiveMinuteBars()), symbol -> symbol.equals(ABC) ? Optional.of(abc) : Optional.empty(),
                Backtests.CAPITAL, VenueConfig.defaults(), Optional.empty(), 0.0, List.of(), Optional.empty());

        BacktestResult result = new BacktestRunner().run(config);

        assertThat(result.fills()).hasSize(1);
        assertThat(result.openPositions()).extracting(p -> p.product(), p -> p.quantity())
                .containsExactly(tuple(Product.MIS, 10L));
    }
}
