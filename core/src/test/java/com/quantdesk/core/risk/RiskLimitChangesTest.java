package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.RiskDesk.ACC;
import static com.quantdesk.core.risk.RiskDesk.INFY;
import static com.quantdesk.core.risk.RiskDesk.limit;
import static com.quantdesk.core.risk.RiskDesk.relaxedExcept;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.SetRiskLimits;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.order.Order;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits changed at run time take full effect, including the ones that size internal windows. */
class RiskLimitChangesTest {

    @Test
    void aRaisedOrderRateLimitIsCountedExactly() {
        RiskDesk desk = new RiskDesk(relaxedExcept("maxOrdersPerSecond", "10"));
        desk.price(INFY, 100_00);
        desk.assertAllowed(desk.submit(limit(INFY, Side.BUY, 1, 100_00, Product.MIS)));
        desk.execute(new SetRiskLimits(ACC, Map.of("maxOrdersPerSecond", "20"), "ops"));
        for (int i = 2; i <= 20; i++) {
            desk.assertAllowed(desk.submit(limit(INFY, Side.BUY, i, 100_00, Product.MIS)));
        }
        desk.assertDenied(desk.submit(limit(INFY, Side.BUY, 21, 100_00, Product.MIS)), "RISK_ORDER_RATE_SECOND",
                20, 21);
    }

    @Test
    void aRejectSpikeCountSetAtRunTimeFires() {
        RiskDesk desk = new RiskDesk(new RiskEngine(relaxedExcept("rejectSpikeCount", "0")), RiskDesk.SESSION,
                new com.quantdesk.core.testing.RecordingGateway());
        desk.price(INFY, 100_00);
        desk.execute(new SetRiskLimits(ACC, Map.of("rejectSpikeCount", "3"), "ops"));
        for (int i = 1; i <= 3; i++) {
            desk.submit(limit(INFY, Side.BUY, i, 100_00, Product.MIS));
        }
        List<Order> sent = List.copyOf(desk.gateway.submitted());
        for (Order o : sent) {
            desk.gateway.reports().rejected(o.id(), "VENUE_TEST", "no");
        }
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code)
                .containsExactly("RISK_REJECT_SPIKE", "KILL_SWITCH");
    }

    @Test
    void staleDataAfterSetAtRunTimeIsWatched() {
        RiskDesk desk = new RiskDesk(relaxedExcept("staleDataAfter", "0s"));
        desk.price(INFY, 100_00);
        desk.execute(new SetRiskLimits(ACC, Map.of("staleDataAfter", "60s"), "ops"));
        desk.clock.advance(Duration.ofSeconds(60));
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(TradingState.ACTIVE);
        desk.clock.advance(Duration.ofMillis(1));
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(TradingState.HALTED);
    }

    @Test
    void yesterdaysLastBarDoesNotMakeTodaysOpenStale() {
        RiskDesk desk = new RiskDesk(relaxedExcept("staleDataAfter", "60s"));
        desk.price(INFY, 100_00); // 10:00 IST on Monday
        desk.clock.advance(Duration.ofHours(23).plusMinutes(15).plusSeconds(30)); // Tuesday 09:15:30
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(TradingState.ACTIVE);
        desk.clock.advance(Duration.ofSeconds(31)); // 61 s after the open without data
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(TradingState.HALTED);
    }
}
