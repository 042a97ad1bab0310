package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.RiskDesk.ACC;
import static com.quantdesk.core.risk.RiskDesk.BOT;
import static com.quantdesk.core.risk.RiskDesk.INFY;
import static com.quantdesk.core.risk.RiskDesk.TCS;
import static com.quantdesk.core.risk.RiskDesk.limit;
import static com.quantdesk.core.risk.RiskDesk.relaxed;
import static com.quantdesk.core.risk.RiskDesk.relaxedExcept;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.order.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables for the rules about when and how often orders come: market hours, the MIS cut-off,
 * duplicates, self-crossing, order rates, trades per bot, and the daily loss. Time moves by the
 * engine's manual clock; the last allowed millisecond passes and the next one is denied.
 */
class RiskFlowRulesTest {

    private static OrderRequest buy(long quantity, Product product) {
        return limit(INFY, Side.BUY, quantity, 100_00, product);
    }

    @ParameterizedTest(name = "{0} (after-market {1}) -> {2}")
    @CsvSource({
        "2026-01-05T03:45:00Z,     false, ALLOW",
        "2026-01-05T03:44:59.999Z, false, RISK_MARKET_CLOSED",
        "2026-01-05T09:59:59.999Z, false, ALLOW",
        "2026-01-05T10:00:00Z,     false, RISK_MARKET_CLOSED",
        "2026-01-10T04:30:00Z,     false, RISK_MARKET_CLOSED",
        "2026-01-11T04:30:00Z,     false, RISK_MARKET_CLOSED",
        "2026-01-05T02:30:00Z,     true,  ALLOW",
        "2026-01-10T04:30:00Z,     true,  ALLOW",
    })
    void ordersOnlyInTheSessionUnlessAfterMarket(Instant time, boolean afterMarket, String code) {
        RiskDesk desk = new RiskDesk(new RiskEngine(relaxedExcept("enforceMarketHours", "true")), time);
        OrderRequest order = buy(10, Product.CNC);
        desk.assertOutcome(desk.submit(afterMarket ? order.asAfterMarket() : order), code, 0, 0);
    }

    @ParameterizedTest(name = "{0} IST cut-off {1}: {2} {3} {4} with {5} held -> {6}")
    @CsvSource({
        "2026-01-05T09:49:59.999Z, 15:20, MIS, BUY,  10, 0,  ALLOW",
        "2026-01-05T09:50:00Z,     15:20, MIS, BUY,  10, 0,  RISK_MIS_CUTOFF",
        "2026-01-05T09:50:00Z,     15:20, CNC, BUY,  10, 0,  ALLOW",
        "2026-01-05T09:50:00Z,     15:20, MIS, SELL, 10, 10, ALLOW",
        "2026-01-05T09:50:00Z,     15:20, MIS, SELL, 11, 10, RISK_MIS_CUTOFF",
        "2026-01-05T09:50:00Z,     15:20, MIS, SELL, 10, 0,  RISK_MIS_CUTOFF",
        "2026-01-05T09:29:59.999Z, 15:00, MIS, BUY,  10, 0,  ALLOW",
        "2026-01-05T09:30:00Z,     15:00, MIS, BUY,  10, 0,  RISK_MIS_CUTOFF",
    })
    void noNewMisExposureFromTheCutoff(Instant time, String cutoff, Product product, Side side, long quantity,
                                       long held, String code) {
        RiskDesk desk = new RiskDesk(relaxed().with(Map.of("enforceMarketHours", "true", "misCutoff", cutoff)));
        if (held != 0) {
            desk.hold(INFY, held, 100_00, Product.MIS);
        }
        desk.clock.set(time);
        desk.assertOutcome(desk.submit(limit(INFY, side, quantity, 100_00, product)), code, 0, 0);
    }

    @ParameterizedTest(name = "again after {0} ms with {1} changed -> {2}")
    @CsvSource({
        "0,    nothing,  RISK_DUPLICATE_ORDER, 2000, 0",
        "1999, nothing,  RISK_DUPLICATE_ORDER, 2000, 1999",
        "2000, nothing,  ALLOW,                0,    0",
        "1,    quantity, ALLOW,                0,    0",
        "1,    price,    ALLOW,                0,    0",
        "1,    bot,      ALLOW,                0,    0",
        "1,    product,  ALLOW,                0,    0",
    })
    void theSameOrderFromTheSameBotWithinTheWindowIsADuplicate(long gap, String changed, String code, long limit,
                                                               long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept("duplicateWindow", "2s"));
        OrderRequest first = buy(10, Product.MIS);
        desk.assertAllowed(desk.submit(first));
        desk.clock.advance(Duration.ofMillis(gap));
        OrderRequest again = switch (changed) {
            case "quantity" -> buy(11, Product.MIS);
            case "price" -> limit(INFY, Side.BUY, 10, 100_01, Product.MIS);
            case "bot" -> first.forBot(ACC, BotId.NONE);
            case "product" -> buy(10, Product.CNC);
            default -> first;
        };
        desk.assertOutcome(desk.submit(again), code, limit, attempted);
    }

    @ParameterizedTest(name = "resting {0} {1} {2} {3}; new {4} {5} {6} -> {7}")
    @CsvSource({
        "INFY, LIMIT,  BUY,  10000, LIMIT,  SELL, 10001, ALLOW,           0,     0",
        "INFY, LIMIT,  BUY,  10000, LIMIT,  SELL, 10000, RISK_SELF_CROSS, 10000, 10000",
        "INFY, LIMIT,  BUY,  10000, LIMIT,  SELL, 9999,  RISK_SELF_CROSS, 10000, 9999",
        "INFY, LIMIT,  BUY,  10000, MARKET, SELL, 0,     RISK_SELF_CROSS, 10000, 0",
        "INFY, LIMIT,  BUY,  10000, SL_M,   SELL, 9000,  ALLOW,           0,     0",
        "INFY, LIMIT,  SELL, 10000, LIMIT,  BUY,  9999,  ALLOW,           0,     0",
        "INFY, LIMIT,  SELL, 10000, LIMIT,  BUY,  10000, RISK_SELF_CROSS, 10000, 10000",
        "INFY, LIMIT,  BUY,  10000, LIMIT,  BUY,  10001, ALLOW,           0,     0",
        "INFY, MARKET, BUY,  0,     LIMIT,  SELL, 19999, RISK_SELF_CROSS, 0,     19999",
        "INFY, SL_M,   SELL, 9000,  LIMIT,  BUY,  10000, ALLOW,           0,     0",
        "TCS,  LIMIT,  BUY,  10000, LIMIT,  SELL, 10000, ALLOW,           0,     0",
    })
    void anOrderMustNotTradeAgainstTheAccountsOwnRestingOrder(String restingSymbol, OrderType restingType,
                                                              Side restingSide, long restingPrice, OrderType type,
                                                              Side side, long price, String code, long limit,
                                                              long attempted) {
        RiskDesk desk = new RiskDesk(relaxed());
        desk.price(INFY, 100_00);
        desk.price(TCS, 100_00);
        desk.assertAllowed(desk.submit(order(Symbol.of(restingSymbol), restingType,
                restingSide, restingPrice).forBot(ACC, BotId.NONE)));
        desk.assertOutcome(desk.submit(order(INFY, type, side, price)), code, limit, attempted);
    }

    private static OrderRequest order(Symbol symbol, OrderType type, Side side,
                                      long price) {
        return switch (type) {
            case MARKET -> OrderRequest.market(ACC, BOT, symbol, side, 10, Product.MIS);
            case SL_M -> OrderRequest.stopMarket(ACC, BOT, symbol, side, 10, price, Product.MIS);
            default -> limit(symbol, side, 10, price, Product.MIS);
        };
    }

    /** Places {@code count} distinct orders at the clock's time and cancels each, so none stays open. */
    private static void placeAndCancel(RiskDesk desk, int count) {
        for (int i = 0; i < count; i++) {
            CommandResult result = desk.submit(buy(1 + i, Product.MIS));
            assertThat(result.accepted()).as("order %d: %s", i + 1, result).isTrue();
            desk.execute(new CancelOrder(result.orderId().orElseThrow(), "test"));
        }
    }

    @ParameterizedTest(name = "{0}={1}: {2} placed, next after {3} -> {4}")
    @CsvSource({
        "maxOrdersPerSecond, 10,   9,    0,        ALLOW,                  0,    0",
        "maxOrdersPerSecond, 10,   10,   0,        RISK_ORDER_RATE_SECOND, 10,   11",
        "maxOrdersPerSecond, 10,   10,   PT0.999S, RISK_ORDER_RATE_SECOND, 10,   11",
        "maxOrdersPerSecond, 10,   10,   PT1S,     ALLOW,                  0,    0",
        "maxOrdersPerMinute, 400,  399,  0,        ALLOW,                  0,    0",
        "maxOrdersPerMinute, 400,  400,  PT59.999S, RISK_ORDER_RATE_MINUTE, 400, 401",
        "maxOrdersPerMinute, 400,  400,  PT60S,    ALLOW,                  0,    0",
        "maxOrdersPerDay,    5000, 4999, 0,        ALLOW,                  0,    0",
        "maxOrdersPerDay,    5000, 5000, PT13H59M59.999S, RISK_ORDER_RATE_DAY, 5000, 5001",
        "maxOrdersPerDay,    5000, 5000, PT14H,    ALLOW,                  0,    0",
    })
    void ordersPerAccountAreLimitedPerSecondMinuteAndDay(String key, String value, int placed, String after,
                                                         String code, long limit, long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept(key, value));
        placeAndCancel(desk, placed);
        desk.clock.advance(after.equals("0") ? Duration.ZERO : Duration.parse(after));
        desk.assertOutcome(desk.submit(buy(100_000, Product.MIS)), code, limit, attempted);
    }

    @ParameterizedTest(name = "account {0}, bot {1}: {2} placed -> {3}")
    @CsvSource({
        "1000, 0,  999,  ALLOW,                   0,    0",
        "1000, 0,  1000, RISK_MAX_TRADES_PER_DAY, 1000, 1001",
        "1000, 3,  2,    ALLOW,                   0,    0",
        "1000, 3,  3,    RISK_MAX_TRADES_PER_DAY, 3,    4",
        "5,    10, 5,    RISK_MAX_TRADES_PER_DAY, 5,    6",
    })
    void ordersPerBotPerDayAreLimitedAndBotLimitsNeverLoosenTheAccount(String account, int bot, int placed,
                                                                       String code, long limit, long attempted) {
        RiskDesk desk = new RiskDesk(new RiskEngine(relaxedExcept("maxTradesPerBotPerDay", account))
                .withBotLimits(BOT, new BotLimits(0, 0, 0, bot)));
        placeAndCancel(desk, placed);
        desk.assertOutcome(desk.submit(buy(100_000, Product.MIS)), code, limit, attempted);
        // Another day starts at IST midnight; orders without a bot never count.
        desk.assertAllowed(desk.submit(buy(100_000, Product.MIS).forBot(ACC, BotId.NONE)));
        desk.clock.set(Instant.parse("2026-01-05T18:30:00Z"));
        desk.assertAllowed(desk.submit(buy(100_001, Product.MIS)));
    }

    /**
     * Holds 1,000 INFY bought at 100.00 with {@code charges}, then marks it at 90.00: the loss since
     * the session started is ₹10,000 plus the charges, against the default limit of ₹10,000.
     */
    private static RiskDesk lossOf10000Plus(long charges, Map<String, String> limits) {
        RiskDesk desk = new RiskDesk(relaxed().with(limits));
        desk.price(INFY, 100_00);
        desk.engine.onTime();
        desk.hold(INFY, 1_000, 100_00, Product.MIS, charges);
        desk.clock.advance(Duration.ofMinutes(1));
        desk.price(INFY, 90_00);
        return desk;
    }

    @ParameterizedTest(name = "charges {0} paise -> state {1}")
    @CsvSource({
        "0, ACTIVE,   ALLOW",
        "1, REDUCING, RISK_REDUCING_ONLY",
    })
    void aDailyLossBeyondTheLimitAllowsOnlyReducingOrders(long charges, TradingState state, String code) {
        RiskDesk desk = lossOf10000Plus(charges, Map.of("maxDailyLoss", "10000"));
        assertThat(desk.risk.dailyLoss(ACC)).isEqualTo(10_000_00 + charges);
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(state);
        // Below the sell's price, so that the two do not cross.
        desk.assertOutcome(desk.submit(limit(INFY, Side.BUY, 1, 89_00, Product.MIS)), code, 0, 0);
        desk.assertAllowed(desk.submit(limit(INFY, Side.SELL, 500, 90_00, Product.MIS)));
        if (charges > 0) {
            assertThat(desk.events(RiskAlert.class)).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("RISK_MAX_DAILY_LOSS");
                assertThat(a.message()).isEqualTo("daily loss 10000.01 exceeds 10000.00");
            });
        }
    }

    @ParameterizedTest(name = "charges {0} paise, operator sets ACTIVE -> {1}")
    @CsvSource({
        "1,   RISK_MAX_DAILY_LOSS, 1000000, 1000001",
        "250, RISK_MAX_DAILY_LOSS, 1000000, 1000250",
    })
    void theDailyLossRuleStillDeniesNewExposureWhenTheStateIsForcedBackToActive(long charges, String code,
                                                                              long limit, long attempted) {
        RiskDesk desk = lossOf10000Plus(charges, Map.of("maxDailyLoss", "10000"));
        desk.execute(new SetTradingState(ACC, TradingState.ACTIVE, "operator override", "alice"));
        desk.assertOutcome(desk.submit(buy(1, Product.MIS)), code, limit, attempted);
        desk.assertAllowed(desk.submit(limit(INFY, Side.SELL, 500, 90_00, Product.MIS)));
    }

    @ParameterizedTest(name = "dailyLossState {0}, killOnDailyLoss {1}: {2}, next session {3}")
    @CsvSource({
        "REDUCING, false, REDUCING, ACTIVE",
        "HALTED,   false, HALTED,   HALTED",
        "REDUCING, true,  HALTED,   HALTED",
    })
    void aBreachEntersTheConfiguredStateAndReducingEndsWithTheSession(String state, boolean kill,
                                                                      TradingState during, TradingState next) {
        RiskDesk desk = new RiskDesk(relaxed().with(Map.of("maxDailyLoss", "10000", "dailyLossState", state,
                "killOnDailyLoss", Boolean.toString(kill))));
        desk.price(INFY, 100_00);
        desk.engine.onTime();
        desk.hold(INFY, 1_000, 100_00, Product.MIS, 1);
        CommandResult resting = desk.submit(limit(TCS, Side.BUY, 1, 100_00, Product.MIS));
        desk.price(INFY, 90_00);

        assertThat(desk.engine.tradingState(ACC)).isEqualTo(during);
        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code).containsExactlyElementsOf(
                kill ? List.of("RISK_MAX_DAILY_LOSS", "KILL_SWITCH") : List.of("RISK_MAX_DAILY_LOSS"));
        assertThat(desk.events(OrderCancelled.class)).hasSize(kill ? 1 : 0);
        assertThat(desk.engine.openOrder(resting.orderId().orElseThrow()).isPresent()).isEqualTo(!kill);

        desk.clock.set(Instant.parse("2026-01-06T03:45:00Z"));
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(next);
        if (next == TradingState.ACTIVE) {
            assertThat(desk.events(TradingStateChanged.class)).last().satisfies(c -> {
                assertThat(c.current()).isEqualTo(TradingState.ACTIVE);
                assertThat(c.reason()).isEqualTo("new session: daily loss limit reset");
                assertThat(c.actor()).isEqualTo("risk");
            });
            // The new session measures from the equity it starts with.
            assertThat(desk.risk.dailyLoss(ACC)).isZero();
        }
    }
}
