package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.RiskDesk.ACC;
import static com.quantdesk.core.risk.RiskDesk.BOT;
import static com.quantdesk.core.risk.RiskDesk.HDFCBANK;
import static com.quantdesk.core.risk.RiskDesk.INFY;
import static com.quantdesk.core.risk.RiskDesk.TCS;
import static com.quantdesk.core.risk.RiskDesk.limit;
import static com.quantdesk.core.risk.RiskDesk.relaxed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SetBanList;
import com.quantdesk.core.command.SetBotLimits;
import com.quantdesk.core.command.SetRiskLimits;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.RiskConfigChanged;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Limits as configuration: parsing and validation of keys, run-time changes through commands and
 * their audit events, and the rule that an order which only reduces a position always gets through
 * the exposure rules, however far beyond a limit the position is.
 */
class RiskConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(RiskLimits.defaults().toMap()).containsExactly(
                Map.entry("fatFingerBps", "500"), Map.entry("priceBandBps", "1000"),
                Map.entry("maxOrderQuantity", "10000"), Map.entry("maxOrderValue", "1000000.00"),
                Map.entry("maxOpenPositions", "25"), Map.entry("maxPositionValue", "2000000.00"),
                Map.entry("maxConcentrationBps", "2000"), Map.entry("maxSectorExposureBps", "4000"),
                Map.entry("misLeverage", "5"), Map.entry("maxDailyLoss", "10000.00"),
                Map.entry("dailyLossState", "REDUCING"), Map.entry("killOnDailyLoss", "false"),
                Map.entry("maxRiskPerTradeBps", "200"), Map.entry("denyWithoutStop", "false"),
                Map.entry("stopAtrMultiple", "2.0"), Map.entry("fallbackStopBps", "500"),
                Map.entry("maxOrdersPerSecond", "10"), Map.entry("maxOrdersPerMinute", "400"),
                Map.entry("maxOrdersPerDay", "5000"), Map.entry("maxTradesPerBotPerDay", "1000"),
                Map.entry("enforceMarketHours", "true"), Map.entry("misCutoff", "15:20"),
                Map.entry("misSquareOff", "true"), Map.entry("duplicateWindow", "PT2S"),
                Map.entry("rejectSpikeCount", "10"), Map.entry("rejectSpikeWindow", "PT1M"),
                Map.entry("staleDataAfter", "PT1M"));
    }

    @Test
    void valuesAreWrittenInRupeesDurationsAndClockTimes() {
        RiskLimits limits = RiskLimits.defaults().with(Map.of("maxOrderValue", "2500.75", "duplicateWindow", "0.5s",
                "rejectSpikeWindow", "1m", "staleDataAfter", "PT90S", "misCutoff", "15:05",
                "dailyLossState", "HALTED"));
        assertThat(limits.maxOrderValue()).isEqualTo(2_500_75);
        assertThat(limits.duplicateWindow()).isEqualTo(Duration.ofMillis(500));
        assertThat(limits.rejectSpikeWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(limits.staleDataAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(limits.misCutoff()).isEqualTo(LocalTime.of(15, 5));
        assertThat(limits.dailyLossState()).isEqualTo(TradingState.HALTED);
        assertThat(RiskLimits.defaults().with(RiskLimits.defaults().toMap())).isEqualTo(RiskLimits.defaults());
    }

    @Test
    void withStaleDataAfterChangesThatLimitAlone() {
        RiskLimits limits = RiskLimits.defaults().with(Map.of("maxOrderValue", "2500.75", "misCutoff", "15:05"));

        assertThat(limits.withStaleDataAfter(Duration.ZERO)).isEqualTo(limits.with("staleDataAfter", "0s"));
        assertThat(limits.withStaleDataAfter(Duration.ofSeconds(7))).isEqualTo(limits.with("staleDataAfter", "7s"));
        assertThat(limits.with(Map.of())).isSameAs(limits);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "maxOrderValu       | 100    | unknown risk limit 'maxOrderValu'",
        "maxOrderValue      | lots   | risk limit maxOrderValue='lots' is not a valid rupee amount",
        "maxOrderValue      | 0      | risk limit maxOrderValue must be positive, was 0",
        "fatFingerBps       | -1     | risk limit fatFingerBps must not be negative, was -1",
        "maxOpenPositions   | 2.5    | risk limit maxOpenPositions='2.5' is not a valid int",
        "maxOrderQuantity   | 0      | risk limit maxOrderQuantity must be positive, was 0",
        "enforceMarketHours | yes    | risk limit enforceMarketHours='yes' is not a valid boolean",
        "duplicateWindow    | 2 sec  | risk limit duplicateWindow='2 sec' is not a valid duration (e.g. 2s, 1m)",
        "duplicateWindow    | -2s    | risk limit duplicateWindow must not be negative, was PT-2S",
        "staleDataAfter     | PT-1S  | risk limit staleDataAfter must not be negative, was PT-1S",
        "misCutoff          | 25:00  | risk limit misCutoff='25:00' is not a valid time (HH:mm)",
        "dailyLossState     | ACTIVE | dailyLossState must be REDUCING or HALTED",
        "dailyLossState     | PAUSED | risk limit dailyLossState='PAUSED' is not a valid REDUCING or HALTED",
        "stopAtrMultiple    | NaN    | stopAtrMultiple must be a positive number, was NaN",
        "stopAtrMultiple    | 0      | stopAtrMultiple must be a positive number, was 0.0",
        "misLeverage        | 0      | risk limit misLeverage must be positive, was 0",
    })
    void withRejectsUnknownKeysAndBadValuesNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> RiskLimits.defaults().with(key, value))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void aChangeOfSeveralKeysIsAllOrNothing() {
        RiskDesk desk = new RiskDesk(RiskLimits.defaults());
        CommandResult result = desk.execute(new SetRiskLimits(ACC, Map.of("maxOrderQuantity", "500",
                "fatFingerBps", "x"), "alice"));
        assertThat(result.accepted()).isFalse();
        assertThat(result.reasonCode()).isEqualTo("RISK_INVALID_CONFIG");
        assertThat(result.message()).isEqualTo("risk limit fatFingerBps='x' is not a valid int");
        assertThat(desk.risk.limits(ACC)).isEqualTo(RiskLimits.defaults());
        assertThat(desk.events(RiskConfigChanged.class)).isEmpty();
    }

    @Test
    void setRiskLimitsRecordsWhoChangedWhatFromWhatToWhat() {
        RiskDesk desk = new RiskDesk(RiskLimits.defaults());
        CommandResult result = desk.execute(new SetRiskLimits(ACC, Map.of("maxOrderQuantity", "500",
                "maxOrderValue", "250000", "misCutoff", "15:20"), "alice"));
        assertThat(result.accepted()).isTrue();
        assertThat(desk.risk.limits(ACC).maxOrderQuantity()).isEqualTo(500);
        assertThat(desk.risk.limits(AccountId.of("other"))).isEqualTo(RiskLimits.defaults());
        assertThat(desk.events(RiskConfigChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo(ACC);
            assertThat(e.bot()).isEqualTo(BotId.NONE);
            assertThat(e.item()).isEqualTo("limits");
            assertThat(e.previous()).isEqualTo("maxOrderQuantity=10000;maxOrderValue=1000000.00");
            assertThat(e.current()).isEqualTo("maxOrderQuantity=500;maxOrderValue=250000.00");
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.time()).isEqualTo(RiskDesk.SESSION);
        });
        desk.price(INFY, 100_00);
        desk.assertDenied(desk.submit(limit(INFY, Side.BUY, 501, 100_00, Product.CNC)), "RISK_MAX_ORDER_QUANTITY",
                500, 501);
    }

    @Test
    void setBotLimitsRecordsWhoChangedWhichKeysOfWhichBot() {
        RiskDesk desk = new RiskDesk(relaxed());
        assertThat(desk.execute(new SetBotLimits(ACC, BOT, Map.of("maxOrderQuantity", "100", "maxOrderValue",
                "25000.5", "maxTradesPerDay", "0"), "bob")).accepted()).isTrue();
        assertThat(desk.execute(new SetBotLimits(ACC, BOT, Map.of("maxOrderQuantity", "0"), "carol"))
                .accepted()).isTrue();
        assertThat(desk.events(RiskConfigChanged.class)).satisfiesExactly(first -> {
            assertThat(first.account()).isEqualTo(ACC);
            assertThat(first.bot()).isEqualTo(BOT);
            assertThat(first.item()).isEqualTo("botLimits");
            assertThat(first.previous()).isEqualTo("maxOrderQuantity=0;maxOrderValue=0.00");
            assertThat(first.current()).isEqualTo("maxOrderQuantity=100;maxOrderValue=25000.50");
            assertThat(first.actor()).isEqualTo("bob");
            assertThat(first.time()).isEqualTo(RiskDesk.SESSION);
        }, second -> {
            assertThat(second.previous()).isEqualTo("maxOrderQuantity=100");
            assertThat(second.current()).isEqualTo("maxOrderQuantity=0");
            assertThat(second.actor()).isEqualTo("carol");
        });
        assertThat(desk.risk.botLimits(BOT)).isEqualTo(new BotLimits(0, 25_000_50, 0, 0));
        desk.assertAllowed(desk.submit(limit(INFY, Side.BUY, 101, 100_00, Product.MIS)));
    }

    @Test
    void botLimitsAreWrittenByKeyWithMoneyInRupees() {
        assertThat(BotLimits.NONE.toMap()).containsExactly(Map.entry("maxOrderQuantity", "0"),
                Map.entry("maxOrderValue", "0.00"), Map.entry("maxPositionValue", "0.00"),
                Map.entry("maxTradesPerDay", "0"));
        BotLimits limits = BotLimits.NONE.with(Map.of("maxOrderQuantity", " 250 ", "maxOrderValue", "50000",
                "maxPositionValue", "125000.75", "maxTradesPerDay", "40"));
        assertThat(limits).isEqualTo(new BotLimits(250, Paise.ofRupees(50_000), 1_25_000_75, 40));
        assertThat(BotLimits.NONE.with(limits.toMap())).isEqualTo(limits);
        assertThat(limits.with("maxOrderValue", "0")).isEqualTo(new BotLimits(250, 0, 1_25_000_75, 40));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "maxOrderQty      | 100         | unknown bot limit 'maxOrderQty'",
        "maxOrderQuantity | -1          | bot limit maxOrderQuantity must not be negative (0 = the account's limit), was -1",
        "maxOrderQuantity | 2.5         | bot limit maxOrderQuantity='2.5' is not a valid whole number",
        "maxOrderQuantity | ''          | bot limit maxOrderQuantity='' is not a valid whole number",
        "maxOrderValue    | lots        | bot limit maxOrderValue='lots' is not a valid rupee amount",
        "maxOrderValue    | 100.005     | bot limit maxOrderValue='100.005' has more than two decimals (rupees to the paisa)",
        "maxPositionValue | -0.01       | bot limit maxPositionValue must not be negative (0 = the account's limit), was -0.01",
        "maxTradesPerDay  | 3000000000  | bot limit maxTradesPerDay must be at most 2147483647, was 3000000000",
        "maxTradesPerDay  | -5          | bot limit maxTradesPerDay must not be negative (0 = the account's limit), was -5",
    })
    void botLimitsRejectUnknownKeysAndBadValuesNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> BotLimits.NONE.with(key, value))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void anInvalidBotLimitChangeIsRefusedWholeAndWritesNothing() {
        RiskDesk desk = new RiskDesk(relaxed());
        CommandResult result = desk.execute(new SetBotLimits(ACC, BOT, Map.of("maxOrderQuantity", "5",
                "maxTradesPerDay", "many"), "alice"));
        assertThat(result.accepted()).isFalse();
        assertThat(result.reasonCode()).isEqualTo("RISK_INVALID_CONFIG");
        assertThat(result.message()).isEqualTo("bot limit maxTradesPerDay='many' is not a valid whole number");
        assertThat(desk.risk.botLimits(BOT)).isEqualTo(BotLimits.NONE);
        assertThat(desk.events(RiskConfigChanged.class)).isEmpty();
    }

    @ParameterizedTest(name = "bot {1} on account {0} -> refused")
    @CsvSource({"acc, nobody", "other, bot"})
    void botLimitsOfABotThatIsNotOnTheAccountAreRefused(String account, String bot) {
        RiskDesk desk = new RiskDesk(relaxed());
        CommandResult result = desk.execute(new SetBotLimits(AccountId.of(account), BotId.of(bot),
                Map.of("maxOrderQuantity", "5"), "alice"));
        assertThat(result.accepted()).isFalse();
        assertThat(result.reasonCode()).isEqualTo("ORDER_UNKNOWN_BOT");
        assertThat(result.message()).isEqualTo("no bot " + bot + " on account " + account);
        assertThat(desk.risk.botLimits(BotId.of(bot))).isEqualTo(BotLimits.NONE);
        assertThat(desk.events(RiskConfigChanged.class)).isEmpty();
    }

    @Test
    void setBanListRecordsTheOldAndNewListAndItsSource() {
        RiskDesk desk = new RiskDesk(new RiskEngine(relaxed()).withBanList(Set.of(TCS)));
        desk.execute(new SetBanList(Set.of(INFY, HDFCBANK), "fo_secban_05012026.csv", "ops"));
        assertThat(desk.events(RiskConfigChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo(AccountId.SYSTEM);
            assertThat(e.bot()).isEqualTo(BotId.NONE);
            assertThat(e.item()).isEqualTo("banList");
            assertThat(e.previous()).isEqualTo("TCS");
            assertThat(e.current()).isEqualTo("HDFCBANK,INFY from fo_secban_05012026.csv");
            assertThat(e.actor()).isEqualTo("ops");
        });
        assertThat(desk.risk.banList()).containsExactlyInAnyOrder(INFY, HDFCBANK);
        desk.assertAllowed(desk.submit(limit(TCS, Side.BUY, 1, 100_00, Product.MIS)));
        desk.assertDenied(desk.submit(limit(INFY, Side.BUY, 1, 100_00, Product.MIS)), "RISK_FO_BAN", 0, 0);
    }

    @ParameterizedTest(name = "after {0}={1}: buy {2} -> {3}, selling INFY passes")
    @CsvSource({
        "maxOpenPositions,     1,     TCS,  RISK_MAX_OPEN_POSITIONS",
        "maxPositionValue,     50000, INFY, RISK_MAX_POSITION_VALUE",
        "maxConcentrationBps,  1,     INFY, RISK_CONCENTRATION",
        "maxSectorExposureBps, 1,     INFY, RISK_SECTOR_EXPOSURE",
        "denyWithoutStop,      true,  INFY, RISK_NO_STOP_LOSS",
        "maxRiskPerTradeBps,   1,     INFY, RISK_MAX_RISK_PER_TRADE",
        "maxOrderValue,        1,     INFY, RISK_MAX_ORDER_VALUE",
    })
    void reducingOrdersPassExposureRulesEvenBeyondTheLimits(String key, String value, String symbol, String code) {
        RiskDesk desk = new RiskDesk(relaxed());
        desk.hold(INFY, 10_000, 100_00, Product.MIS);
        desk.hold(HDFCBANK, 1_000, 100_00, Product.MIS);
        desk.execute(new SetRiskLimits(ACC, Map.of(key, value), "risk-officer"));

        CommandResult adding = desk.submit(limit(Symbol.of(symbol), Side.BUY, 10_000, 100_00, Product.MIS));
        assertThat(adding.reasonCode()).isEqualTo(code);
        CommandResult reducing = desk.submit(limit(INFY, Side.SELL, 100, 100_00, Product.MIS));
        if (code.equals("RISK_MAX_ORDER_VALUE")) {
            // Order size is not an exposure rule: it applies to every order.
            assertThat(reducing.reasonCode()).isEqualTo(code);
        } else {
            desk.assertAllowed(reducing);
        }
    }

    @Test
    void reducingOrdersPassTheBanListAndTheDailyLossRule() {
        RiskDesk desk = new RiskDesk(relaxed().with("maxDailyLoss", "1"));
        desk.price(INFY, 100_00);
        desk.engine.onTime();
        desk.hold(INFY, 1_000, 100_00, Product.MIS, 1_000);
        desk.execute(new SetBanList(Set.of(INFY), "fo_secban_05012026.csv", "ops"));
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.REDUCING);
        desk.execute(new SetTradingState(ACC, TradingState.ACTIVE, "check", "ops"));
        desk.assertDenied(desk.submit(limit(TCS, Side.BUY, 1, 100_00, Product.MIS)), "RISK_MAX_DAILY_LOSS",
                Paise.ofRupees(1), 1_000);
        desk.assertDenied(desk.submit(limit(INFY, Side.BUY, 1, 100_00, Product.MIS)), "RISK_FO_BAN", 0, 0);
        desk.assertAllowed(desk.submit(limit(INFY, Side.SELL, 1_000, 100_00, Product.MIS)));
    }
}
