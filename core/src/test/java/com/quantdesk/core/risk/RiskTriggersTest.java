package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.PropsDesk.ACC;
import static com.quantdesk.core.risk.PropsDesk.ALPHA;
import static com.quantdesk.core.risk.PropsDesk.GAMMA;
import static com.quantdesk.core.risk.PropsDesk.HDFC;
import static com.quantdesk.core.risk.PropsDesk.INFY;
import static com.quantdesk.core.risk.PropsDesk.MONDAY;
import static com.quantdesk.core.risk.PropsDesk.OTHER;
import static com.quantdesk.core.risk.PropsDesk.TCS;
import static com.quantdesk.core.risk.PropsDesk.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.order.OrderRequest;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the risk engine does on its own: daily-loss breaches, venue reject spikes, stale market data. */
class RiskTriggersTest {

    private static final long INFY_PRICE = 1_500_00;

    private static PropsDesk desk(Map<String, String> limits) {
        return new PropsDesk(PropsDesk.quietDefaults().with(limits)).open(INFY_PRICE, 3_500_00, 1_600_00);
    }

    /** 100 INFY bought at ₹1,500: every rupee the price falls is ₹100 of loss. */
    private static void longHundredInfy(PropsDesk desk) {
        desk.fill(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 100, Product.CNC)), 100, INFY_PRICE);
    }

    // ------------------------------------------------------------------ daily loss

    @Test
    void aLossExactlyAtTheLimitKeepsTheAccountActive() {
        PropsDesk desk = desk(Map.of());
        longHundredInfy(desk);

        desk.bar(INFY, 1_400_00); // −₹10,000, the default limit

        assertThat(desk.risk.dailyLoss(ACC)).isEqualTo(10_000_00);
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.ACTIVE);
        assertThat(desk.events(RiskAlert.class)).isEmpty();
    }

    @Test
    void dailyLossBeyondTheLimitPutsTheAccountIntoReducingUntilTheNextSession() {
        PropsDesk desk = desk(Map.of());
        longHundredInfy(desk);

        desk.bar(INFY, 1_399_95); // −₹10,005

        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::account, RiskAlert::code, RiskAlert::message)
                .containsExactly(tuple(ACC, "RISK_MAX_DAILY_LOSS", "daily loss 10005.00 exceeds 10000.00"));
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.REDUCING);
        assertThat(desk.engine.tradingState(OTHER)).isEqualTo(TradingState.ACTIVE);
        assertThat(desk.submit(market(ACC, ALPHA, TCS, Side.BUY, 1, Product.CNC)).reasonCode())
                .isEqualTo("RISK_REDUCING_ONLY");
        assertThat(desk.submit(market(ACC, ALPHA, INFY, Side.SELL, 40, Product.CNC)).accepted()).isTrue();

        desk.at(LocalTime.of(15, 29));
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.REDUCING);

        desk.clearEvents();
        desk.at(MONDAY.plusDays(1), LocalTime.of(9, 15));

        assertThat(desk.events(TradingStateChanged.class)).extracting(TradingStateChanged::account,
                TradingStateChanged::previous, TradingStateChanged::current, TradingStateChanged::reason)
                .containsExactly(tuple(ACC, TradingState.REDUCING, TradingState.ACTIVE,
                        "new session: daily loss limit reset"));
        assertThat(desk.risk.dailyLoss(ACC)).isZero();
        assertThat(desk.submit(market(ACC, ALPHA, TCS, Side.BUY, 1, Product.CNC)).accepted()).isTrue();
    }

    @Test
    void dailyLossStateHaltedHaltsTheAccountAndTheNextSessionDoesNotLiftIt() {
        PropsDesk desk = desk(Map.of("dailyLossState", "HALTED"));
        longHundredInfy(desk);

        desk.bar(INFY, 1_399_95);

        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(desk.submit(market(ACC, ALPHA, INFY, Side.SELL, 40, Product.CNC)).reasonCode())
                .isEqualTo("RISK_HALTED");

        desk.at(MONDAY.plusDays(1), LocalTime.of(9, 15));

        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
    }

    @Test
    void killOnDailyLossFiresTheKillSwitchAndCancelsTheAccountsOrders() {
        PropsDesk desk = desk(Map.of("killOnDailyLoss", "true"));
        longHundredInfy(desk);
        OrderId resting = desk.placed(OrderRequest.limit(ACC, ALPHA, INFY, Side.SELL, 100, 1_460_00, Product.CNC));
        OrderId elsewhere = desk.placed(OrderRequest.limit(OTHER, GAMMA, HDFC, Side.BUY, 1, 1_590_00, Product.CNC));
        desk.clearEvents();

        desk.bar(INFY, 1_399_95);

        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code)
                .containsExactly("RISK_MAX_DAILY_LOSS", "KILL_SWITCH");
        assertThat(desk.events(TradingStateChanged.class)).extracting(TradingStateChanged::current)
                .containsExactly(TradingState.REDUCING, TradingState.HALTED);
        assertThat(desk.events(OrderCancelled.class)).extracting(OrderCancelled::orderId, OrderCancelled::reason)
                .containsExactly(tuple(resting, "kill switch: daily loss 10005.00 exceeds 10000.00"));
        assertThat(desk.engine.openOrder(elsewhere)).isPresent();
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
    }

    @Test
    void aFillThatTakesTheLossBeyondTheLimitTripsItAtOnce() {
        PropsDesk desk = desk(Map.of());
        longHundredInfy(desk);
        OrderId sell = desk.placed(market(ACC, ALPHA, INFY, Side.SELL, 100, Product.CNC));

        desk.fill(sell, 100, 1_399_95);

        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.REDUCING);
        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code).containsExactly("RISK_MAX_DAILY_LOSS");
    }

    // ------------------------------------------------------------------ reject spikes

    @Test
    void rejectSpikeFiresTheAccountsKillSwitch() {
        PropsDesk desk = desk(Map.of("rejectSpikeCount", "3", "rejectSpikeWindow", "1m"));
        OrderId resting = desk.placed(OrderRequest.limit(ACC, ALPHA, INFY, Side.BUY, 9, 1_490_00, Product.CNC));
        desk.reject(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 1, Product.CNC)));
        desk.reject(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 2, Product.CNC)));
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.ACTIVE);
        desk.clearEvents();

        desk.reject(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 3, Product.CNC)));

        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::account, RiskAlert::code, RiskAlert::message)
                .containsExactly(tuple(ACC, "RISK_REJECT_SPIKE", "3 venue rejects within 60 s"),
                        tuple(ACC, "KILL_SWITCH", "kill switch by risk: reject spike: 3 venue rejects within 60 s"));
        assertThat(desk.events(OrderCancelled.class)).extracting(OrderCancelled::orderId, OrderCancelled::reason)
                .containsExactly(tuple(resting, "kill switch: reject spike: 3 venue rejects within 60 s"));
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(desk.engine.tradingState(OTHER)).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void rejectsOutsideTheWindowDoNotAddUp() {
        PropsDesk desk = desk(Map.of("rejectSpikeCount", "3", "rejectSpikeWindow", "1m"));
        desk.reject(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 1, Product.CNC)));
        desk.reject(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 2, Product.CNC)));

        desk.at(LocalTime.of(9, 16));
        desk.reject(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 3, Product.CNC)));

        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.ACTIVE);
        assertThat(desk.events(RiskAlert.class)).isEmpty();
    }

    @Test
    void rejectsOfOneAccountDoNotCountForAnother() {
        PropsDesk desk = desk(Map.of("rejectSpikeCount", "3", "rejectSpikeWindow", "1m"));
        desk.reject(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 1, Product.CNC)));
        desk.reject(desk.placed(market(ACC, ALPHA, INFY, Side.BUY, 2, Product.CNC)));
        desk.reject(desk.placed(market(OTHER, GAMMA, INFY, Side.BUY, 3, Product.CNC)));

        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.ACTIVE);
        assertThat(desk.engine.tradingState(OTHER)).isEqualTo(TradingState.ACTIVE);
    }

    // ------------------------------------------------------------------ stale data

    @Test
    void noBarForLongerThanStaleDataAfterInTheSessionFiresTheGlobalKillSwitch() {
        PropsDesk desk = new PropsDesk(RiskLimits.defaults()).open(INFY_PRICE, 3_500_00, 1_600_00);
        OrderId resting = desk.placed(OrderRequest.limit(OTHER, GAMMA, HDFC, Side.BUY, 1, 1_590_00, Product.CNC));

        desk.at(LocalTime.of(9, 16)); // exactly 60 s after the last bar: not yet stale
        assertThat(desk.events(RiskAlert.class)).isEmpty();

        desk.at(LocalTime.of(9, 16, 1));

        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::account, RiskAlert::code)
                .containsExactly(tuple(AccountId.SYSTEM, "RISK_STALE_DATA"), tuple(AccountId.SYSTEM, "KILL_SWITCH"));
        assertThat(desk.events(RiskAlert.class).getFirst().message())
                .isEqualTo("no market data since 2026-01-05T03:45:00Z (60 s)");
        assertThat(desk.events(TradingStateChanged.class)).extracting(TradingStateChanged::account,
                TradingStateChanged::bot, TradingStateChanged::current)
                .containsExactly(tuple(AccountId.SYSTEM, BotId.NONE, TradingState.HALTED));
        assertThat(desk.events(OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly(resting);
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(desk.engine.tradingState(OTHER)).isEqualTo(TradingState.HALTED);

        desk.clearEvents();
        desk.at(LocalTime.of(9, 30));
        assertThat(desk.events(RiskAlert.class)).isEmpty();
    }

    @Test
    void silenceOutsideTheSessionIsNotStaleData() {
        PropsDesk desk = new PropsDesk(RiskLimits.defaults()).open(INFY_PRICE, 3_500_00, 1_600_00);
        desk.clock.set(PropsDesk.ist(MONDAY, LocalTime.of(15, 29, 30)));
        desk.bar(INFY, INFY_PRICE);

        desk.at(LocalTime.of(15, 45));
        desk.at(MONDAY.plusDays(1), LocalTime.of(9, 0));

        assertThat(desk.events(RiskAlert.class)).isEmpty();
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void aBarInTimeKeepsTheEngineActive() {
        PropsDesk desk = new PropsDesk(RiskLimits.defaults()).open(INFY_PRICE, 3_500_00, 1_600_00);
        desk.clock.set(PropsDesk.ist(MONDAY, LocalTime.of(9, 15, 59)));
        desk.bar(TCS, 3_500_00);

        desk.at(LocalTime.of(9, 16, 30));

        assertThat(desk.events(RiskAlert.class)).isEmpty();
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.ACTIVE);
    }
}
