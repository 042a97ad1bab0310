package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.RiskDesk.ACC;
import static com.quantdesk.core.risk.RiskDesk.BOT;
import static com.quantdesk.core.risk.RiskDesk.INFY;
import static com.quantdesk.core.risk.RiskDesk.limit;
import static com.quantdesk.core.risk.RiskDesk.relaxed;
import static com.quantdesk.core.risk.RiskDesk.relaxedExcept;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.SetBotLimits;
import com.quantdesk.core.command.SetRiskLimits;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The account allows 1,000 shares and ₹90,000 an order; at ₹100 a share, 600 shares (₹60,000)
     * pass it. The bot's limit set at run time denies them; 0 hands the bot back to the account's limit.
     */
    @ParameterizedTest(name = "bot {0}={1}: 600 shares -> {4} {5}/{6}; with 0, {7} shares -> {4} {8}/{9}")
    @CsvSource({
        "maxOrderQuantity, 500,   maxOrderQuantity=500,   maxOrderQuantity=0, RISK_MAX_ORDER_QUANTITY, 500,     600,     1001, 1000,    1001",
        "maxOrderValue,    50000, maxOrderValue=50000.00, maxOrderValue=0.00, RISK_MAX_ORDER_VALUE,    5000000, 6000000, 1000, 9000000, 10000000",
    })
    void aBotLimitChangedAtRunTimeDeniesWhatTheAccountAllowsAndZeroRestoresTheAccountsLimit(String key,
            String value, String journaled, String journaledZero, String code, long botLimit, long attempted,
            long beyondAccount, long accountLimit, long accountAttempted) {
        RiskDesk desk = new RiskDesk(relaxed().with(Map.of("maxOrderQuantity", "1000", "maxOrderValue", "90000")));
        desk.price(INFY, 100_00);
        desk.assertAllowed(desk.submit(limit(INFY, Side.BUY, 600, 100_00, Product.MIS)));

        assertThat(desk.execute(new SetBotLimits(ACC, BOT, Map.of(key, value), "risk-officer")).accepted()).isTrue();
        desk.assertDenied(desk.submit(limit(INFY, Side.BUY, 600, 100_00, Product.MIS)), code, botLimit, attempted);
        // Only the bot's orders: the same order without a bot still meets the account's limit alone.
        desk.assertAllowed(desk.submit(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 600, 100_00,
                Product.MIS)));

        assertThat(desk.execute(new SetBotLimits(ACC, BOT, Map.of(key, "0"), "risk-officer")).accepted()).isTrue();
        assertThat(desk.risk.botLimits(BOT)).isEqualTo(BotLimits.NONE);
        desk.assertAllowed(desk.submit(limit(INFY, Side.BUY, 600, 100_00, Product.MIS)));
        desk.assertDenied(desk.submit(limit(INFY, Side.BUY, beyondAccount, 100_00, Product.MIS)), code,
                accountLimit, accountAttempted);
        assertThat(desk.events(RiskConfigChanged.class)).extracting(RiskConfigChanged::current)
                .containsExactly(journaled, journaledZero);
    }
}
