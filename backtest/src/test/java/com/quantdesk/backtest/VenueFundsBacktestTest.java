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
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.sim.venue.VenueConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The venue's buying-power check in a backtest, with and without the risk engine: the same orders
 * are accepted and rejected either way, because the venue values a market order 1% above the last
 * price where the risk engine takes the last price itself.
 */
class VenueFundsBacktestTest {

    private static final Symbol ABC = Symbol.of("ABC");
    private static final long CAPITAL = 1_000_00;

    /**
     * Bar 0: a CNC market buy of 10 (₹1,010 at ₹101: rejected). Bar 1: one of 9 (₹909: accepted). Bar 2,
     * with ₹100 cash left: MIS market buys of 4 (₹404 ÷ 5 = ₹80.80: accepted) and 1 (₹20.20 against
     * ₹19.20: rejected; the risk engine, valuing at ₹100, finds the ₹20 it needs). Bar 3: sells of
     * everything held, which need no funds. Bar 4 opens at ₹102.
     */
    private static final class Script implements Strategy {
        private int bar;

        @Override
        public void onBar(StrategyContext context, Bar b) {
            switch (bar++) {
                case 0 -> buy(context, 10, Product.CNC);
                case 1 -> buy(context, 9, Product.CNC);
                case 2 -> {
                    buy(context, 4, Product.MIS);
                    buy(context, 1, Product.MIS);
                }
                case 3 -> {
                    context.submit(OrderRequest.market(context.account(), context.bot(), ABC, Side.SELL, 4,
                            Product.MIS));
                    context.submit(OrderRequest.market(context.account(), context.bot(), ABC, Side.SELL, 9,
                            Product.CNC));
                }
                default -> { }
            }
        }

        private static void buy(StrategyContext context, long quantity, Product product) {
            context.submit(OrderRequest.market(context.account(), context.bot(), ABC, Side.BUY, quantity, product));
        }
    }

    private static final StrategyDescriptor SCRIPT = new StrategyDescriptor("script", "fixed orders per bar",
            List.of(), parameters -> new Script());

    private static BacktestResult run(Optional<RiskLimits> limits) {
        Instrument abc = Instrument.nseEquity("ABC", 5, "Unknown");
        List<Bar> bars = List.of(Bars.bar(ABC, 0, 100_00, 100_00, 100_00, 100_00),
                Bars.bar(ABC, 1, 100_00, 100_00, 100_00, 100_00),
                Bars.bar(ABC, 2, 100_00, 100_00, 100_00, 100_00),
                Bars.bar(ABC, 3, 100_00, 100_00, 100_00, 100_00),
                Bars.bar(ABC, 4, 102_00, 102_00, 102_00, 102_00));
        return new BacktestRunner().run(new BacktestConfig(SCRIPT, StrategyParameters.defaults(List.of()),
                Map.of(ABC, bars), symbol -> Optional.of(abc), CAPITAL, VenueConfig.defaults(), Optional.empty(),
                0.0, List.of(), limits));
    }

    private static void assertVenueDecided(BacktestResult result) {
        assertThat(result.orders()).extracting(OrderRecord::side, OrderRecord::product, OrderRecord::quantity,
                OrderRecord::status, OrderRecord::reason).containsExactly(
                tuple(Side.BUY, Product.CNC, 10L, OrderStatus.REJECTED,
                        "VENUE_INSUFFICIENT_FUNDS: order needs ₹1010.00 but ₹1000.00 is available"),
                tuple(Side.BUY, Product.CNC, 9L, OrderStatus.FILLED, ""),
                tuple(Side.BUY, Product.MIS, 4L, OrderStatus.FILLED, ""),
                tuple(Side.BUY, Product.MIS, 1L, OrderStatus.REJECTED,
                        "VENUE_INSUFFICIENT_FUNDS: order needs ₹20.20 but ₹19.20 is available"),
                tuple(Side.SELL, Product.MIS, 4L, OrderStatus.FILLED, ""),
                tuple(Side.SELL, Product.CNC, 9L, OrderStatus.FILLED, ""));
        // ₹1,000 − 9 × ₹100 − 4 × ₹100 + 4 × ₹102 + 9 × ₹102: the final equity is all cash.
        assertThat(result.finalEquity()).isEqualTo(1_026_00);
        assertThat(result.openPositions()).isEmpty();
        assertThat(result.denialsByReason()).isEmpty();
    }

    @Test
    void withoutTheRiskEngineTheVenueRejectsWhatTheAccountCannotPayFor() {
        assertVenueDecided(run(Optional.empty()));
    }

    @Test
    void withTheRiskEngineTheVenueStillRejectsWhatTheRiskEngineLetThrough() {
        RiskLimits relaxed = BacktestConfig.backtestRiskLimits().with(Map.of("maxConcentrationBps", "100000",
                "maxSectorExposureBps", "100000", "maxRiskPerTradeBps", "100000", "enforceMarketHours", "false",
                "misSquareOff", "false"));

        assertVenueDecided(run(Optional.of(relaxed)));
    }
}
