package com.quantdesk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.backtest.report.JsonReport;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A strategy that buys 10, 3, 25, 10 and 3 shares CNC on five daily bars at ₹100, run with the
 * equivalent of {@code --risk maxOrderValue=500 --risk maxOrderQuantity=20}: 25 shares break the
 * quantity limit, 10 shares (₹1,000) the value limit, 3 shares (₹300) pass. The order placed on the
 * last bar never meets another bar and is cancelled when the run ends.
 */
class RiskDenialsBacktestTest {

    private static final Symbol ABC = Symbol.of("ABC");
    private static final long[] QUANTITIES = {10, 3, 25, 10, 3};

    /** Buys the next quantity on each bar. */
    private static final class BuyEachBar implements Strategy {
        private int next;

        @Override
        public void onBar(StrategyContext context, Bar bar) {
            if (next < QUANTITIES.length) {
                context.submit(OrderRequest.market(context.account(), context.bot(), ABC, Side.BUY,
                        QUANTITIES[next++], Product.CNC));
            }
        }
    }

    private static final StrategyDescriptor BUY_EACH_BAR = new StrategyDescriptor("buy-each-bar",
            "buys 10, 3, 25, 10, 3 shares on successive bars", List.of(), parameters -> new BuyEachBar());

    private static BacktestResult run(Optional<RiskLimits> limits) {
        // 1–5 January 2024 is Monday to Friday, so the market-hours rule passes every bar.
        List<Bar> bars = List.of(Bars.bar(ABC, 0, 100_00, 100_00), Bars.bar(ABC, 1, 100_00, 100_00),
                Bars.bar(ABC, 2, 100_00, 100_00), Bars.bar(ABC, 3, 100_00, 100_00), Bars.bar(ABC, 4, 100_00, 100_00));
        Instrument abc = Instrument.nseEquity("ABC", 1, "Unknown");
        return new BacktestRunner().run(new BacktestConfig(BUY_EACH_BAR, StrategyParameters.defaults(List.of()),
                Map.of(ABC, bars), symbol -> symbol.equals(ABC) ? Optional.of(abc) : Optional.empty(),
                Backtests.CAPITAL, VenueConfig.defaults(), Optional.empty(), 0.0, List.of(), limits));
    }

    private static Optional<RiskLimits> tight() {
        return Optional.of(BacktestConfig.backtestRiskLimits()
                .with(Map.of("maxOrderValue", "500", "maxOrderQuantity", "20")));
    }

    @Test
    void countsDenialsByReason() {
        BacktestResult result = run(tight());

        assertThat(result.denialsByReason()).containsExactly(Map.entry("RISK_MAX_ORDER_QUANTITY", 1L),
                Map.entry("RISK_MAX_ORDER_VALUE", 2L));
        assertThat(result.orders()).extracting(OrderRecord::quantity, OrderRecord::status).containsExactly(
                tuple(10L, OrderStatus.DENIED), tuple(3L, OrderStatus.FILLED), tuple(25L, OrderStatus.DENIED),
                tuple(10L, OrderStatus.DENIED), tuple(3L, OrderStatus.CANCELLED));
        assertThat(result.orders().get(0).reason())
                .isEqualTo("RISK_MAX_ORDER_VALUE: order value 1000.00 exceeds 500.00");
        assertThat(result.orders().get(2).reason()).isEqualTo("RISK_MAX_ORDER_QUANTITY: quantity 25 exceeds 20");
    }

    @Test
    void writesTheSameCountsAndReasonsToTheJsonReport() throws IOException {
        BacktestResult result = run(tight());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        JsonReport.write(out, result);

        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.get("denialsByReason").toString())
                .isEqualTo("{\"RISK_MAX_ORDER_QUANTITY\":1,\"RISK_MAX_ORDER_VALUE\":2}");
        assertThat(root.get("orders")).extracting(o -> o.get("status").asText(),
                o -> o.has("reason") ? o.get("reason").asText() : "").containsExactly(
                tuple("DENIED", "RISK_MAX_ORDER_VALUE: order value 1000.00 exceeds 500.00"),
                tuple("FILLED", ""),
                tuple("DENIED", "RISK_MAX_ORDER_QUANTITY: quantity 25 exceeds 20"),
                tuple("DENIED", "RISK_MAX_ORDER_VALUE: order value 1000.00 exceeds 500.00"),
                tuple("CANCELLED", "backtest ended"));
    }

    @Test
    void withoutTheRiskEngineNothingIsDenied() throws IOException {
        BacktestResult result = run(Optional.empty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(out, result);

        assertThat(result.denialsByReason()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toByteArray()).get("denialsByReason").toString()).isEqualTo("{}");
        assertThat(result.fills()).hasSize(4); // the order of the last bar never meets another bar
    }
}
