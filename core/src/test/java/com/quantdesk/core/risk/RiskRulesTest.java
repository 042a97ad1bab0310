package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.RiskDesk.ACC;
import static com.quantdesk.core.risk.RiskDesk.BOT;
import static com.quantdesk.core.risk.RiskDesk.INFY;
import static com.quantdesk.core.risk.RiskDesk.NIFTYFUT;
import static com.quantdesk.core.risk.RiskDesk.TCS;
import static com.quantdesk.core.risk.RiskDesk.TICK5;
import static com.quantdesk.core.risk.RiskDesk.limit;
import static com.quantdesk.core.risk.RiskDesk.relaxed;
import static com.quantdesk.core.risk.RiskDesk.relaxedExcept;

import com.quantdesk.core.command.SetBanList;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.OrderRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table per pre-trade rule about the order itself and the exposure it adds: the order exactly
 * at the limit passes, one share or one paisa beyond is denied with the rule's code and numbers.
 * Every other rule is relaxed ({@link RiskDesk#relaxed()}); the rule under test keeps its default
 * unless the table says otherwise. The account holds ₹1 crore.
 */
class RiskRulesTest {

    private static OrderRequest order(Symbol symbol, OrderType type, Side side, long quantity, long price,
                                      Product product) {
        return switch (type) {
            case MARKET -> OrderRequest.market(ACC, BOT, symbol, side, quantity, product);
            case LIMIT -> OrderRequest.limit(ACC, BOT, symbol, side, quantity, price, product);
            case SL_M -> OrderRequest.stopMarket(ACC, BOT, symbol, side, quantity, price, product);
            case SL -> new OrderRequest(ACC, BOT, symbol, side, type, product,
                    com.quantdesk.core.domain.Validity.DAY, quantity, price, price, 0, "");
        };
    }

    @ParameterizedTest(name = "{0} lots of 65 -> {1}")
    @CsvSource({
        "65,  ALLOW,         0,  0",
        "130, ALLOW,         0,  0",
        "66,  RISK_LOT_SIZE, 65, 66",
        "64,  RISK_LOT_SIZE, 65, 64",
        "129, RISK_LOT_SIZE, 65, 129",
    })
    void quantityMustBeWholeLots(long quantity, String code, long limit, long attempted) {
        RiskDesk desk = new RiskDesk(relaxed());
        desk.assertOutcome(desk.submit(limit(NIFTYFUT, Side.BUY, quantity, 25_000_00, Product.MIS)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "{0} at {1} on a 5-paise tick -> {2}")
    @CsvSource({
        "LIMIT, 10005, ALLOW,          0, 0",
        "LIMIT, 10006, RISK_TICK_SIZE, 5, 10006",
        "LIMIT, 10004, RISK_TICK_SIZE, 5, 10004",
        "SL_M,  10005, ALLOW,          0, 0",
        "SL_M,  10006, RISK_TICK_SIZE, 5, 10006",
        "SL,    10011, RISK_TICK_SIZE, 5, 10011",
    })
    void pricesMustBeOnTheTick(OrderType type, long price, String code, long limit, long attempted) {
        RiskDesk desk = new RiskDesk(relaxed());
        desk.assertOutcome(desk.submit(order(TICK5, type, Side.BUY, 10, price, Product.MIS)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "{0} with a last price: {1} -> {2}")
    @CsvSource({
        "MARKET, false, RISK_NO_PRICE",
        "MARKET, true,  ALLOW",
        "LIMIT,  false, ALLOW",
        "SL_M,   false, ALLOW",
    })
    void anOrderNeedsAPriceToBeMeasuredBy(OrderType type, boolean priced, String code) {
        RiskDesk desk = new RiskDesk(relaxed());
        if (priced) {
            desk.price(INFY, 100_00);
        }
        desk.assertOutcome(desk.submit(order(INFY, type, Side.BUY, 10, 100_00, Product.MIS)), code, 0, 0);
    }

    @ParameterizedTest(name = "last {0}, {1} bps, {2} at {3} -> {4}")
    @CsvSource({
        "10000, 500, BUY,  10500, ALLOW,           0,   0",
        "10000, 500, BUY,  10501, RISK_FAT_FINGER, 500, 501",
        "10000, 500, SELL, 9500,  ALLOW,           0,   0",
        "10000, 500, SELL, 9499,  RISK_FAT_FINGER, 500, 501",
        "10000, 500, BUY,  9499,  RISK_FAT_FINGER, 500, 501",
        "10001, 500, BUY,  10501, ALLOW,           0,   0",
        "10001, 500, BUY,  10502, RISK_FAT_FINGER, 500, 501",
        "10000, 100, BUY,  10100, ALLOW,           0,   0",
        "10000, 100, BUY,  10101, RISK_FAT_FINGER, 100, 101",
    })
    void limitPriceMustBeNearTheLastPrice(long last, String bps, Side side, long price, String code, long limit,
                                          long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept("fatFingerBps", bps));
        desk.price(INFY, last);
        desk.assertOutcome(desk.submit(limit(INFY, side, 10, price, Product.MIS)), code, limit, attempted);
    }

    @ParameterizedTest(name = "{0} at {1} against a previous close of 100.00 -> {2}")
    @CsvSource({
        "LIMIT,  11000, ALLOW,           0,     0",
        "LIMIT,  11001, RISK_PRICE_BAND, 11000, 11001",
        "LIMIT,  9000,  ALLOW,           0,     0",
        "LIMIT,  8999,  RISK_PRICE_BAND, 9000,  8999",
        "SL_M,   11001, RISK_PRICE_BAND, 11000, 11001",
        "SL_M,   8999,  RISK_PRICE_BAND, 9000,  8999",
        "MARKET, 0,     ALLOW,           0,     0",
    })
    void pricesMustBeWithinTheBandAroundThePreviousClose(OrderType type, long price, String code, long limit,
                                                        long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept("priceBandBps", "1000"));
        Instant friday = Instant.parse("2026-01-02T09:59:00Z");
        desk.engine.onBar(new Bar(INFY, friday, 100_00, 100_00, 100_00, 100_00, 1_000));
        desk.price(INFY, 104_00);
        desk.assertOutcome(desk.submit(order(INFY, type, Side.BUY, 10, price, Product.MIS)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "no previous session: {0} passes")
    @CsvSource({"11001", "20000"})
    void theBandIsOffUntilThereIsAPreviousClose(long price) {
        RiskDesk desk = new RiskDesk(relaxedExcept("priceBandBps", "1000"));
        desk.price(INFY, 100_00);
        desk.assertAllowed(desk.submit(limit(INFY, Side.BUY, 10, price, Product.MIS)));
    }

    @ParameterizedTest(name = "{0} x {1} paise ({2}) -> {3}")
    @CsvSource({
        "10000, 1000,   LIMIT,  ALLOW,                   0,         0",
        "10001, 1000,   LIMIT,  RISK_MAX_ORDER_QUANTITY, 10000,     10001",
        "1000,  100000, LIMIT,  ALLOW,                   0,         0",
        "1000,  100001, LIMIT,  RISK_MAX_ORDER_VALUE,    100000000, 100001000",
        "1001,  100000, LIMIT,  RISK_MAX_ORDER_VALUE,    100000000, 100100000",
        "1000,  100000, MARKET, ALLOW,                   0,         0",
        "1001,  100000, MARKET, RISK_MAX_ORDER_VALUE,    100000000, 100100000",
    })
    void oneOrderHasAMaximumQuantityAndValue(long quantity, long price, OrderType type, String code, long limit,
                                             long attempted) {
        RiskDesk desk = new RiskDesk(relaxed().with(Map.of("maxOrderQuantity", "10000", "maxOrderValue", "1000000")));
        desk.price(INFY, price);
        desk.assertOutcome(desk.submit(order(INFY, type, Side.BUY, quantity, price, Product.CNC)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "bot qty {0}, bot value ₹{1}: {2} x {3} -> {4}")
    @CsvSource({
        "100,   0,       100,   100000, ALLOW,                   0,         0",
        "100,   0,       101,   100000, RISK_MAX_ORDER_QUANTITY, 100,       101",
        "20000, 0,       10001, 1000,   RISK_MAX_ORDER_QUANTITY, 10000,     10001",
        "0,     500000,  500,   100000, ALLOW,                   0,         0",
        "0,     500000,  501,   100000, RISK_MAX_ORDER_VALUE,    50000000,  50100000",
        "0,     2000000, 1001,  100000, RISK_MAX_ORDER_VALUE,    100000000, 100100000",
    })
    void botOrderLimitsTightenButNeverLoosenTheAccount(long botQuantity, long botValueRupees, long quantity,
                                                       long price, String code, long limit, long attempted) {
        RiskDesk desk = new RiskDesk(new RiskEngine(relaxed().with(Map.of("maxOrderQuantity", "10000",
                "maxOrderValue", "1000000"))).withBotLimits(BOT,
                new BotLimits(botQuantity, Paise.ofRupees(botValueRupees), 0, 0)));
        desk.assertOutcome(desk.submit(limit(INFY, Side.BUY, quantity, price, Product.CNC)), code, limit, attempted);
    }

    @ParameterizedTest(name = "bot limit {0}: an order of {1} without the bot -> ALLOW")
    @CsvSource({"100, 101", "100, 10000"})
    void botLimitsBindOnlyThatBot(long botQuantity, long quantity) {
        RiskDesk desk = new RiskDesk(new RiskEngine(relaxedExcept("maxOrderQuantity", "10000"))
                .withBotLimits(BOT, new BotLimits(botQuantity, 0, 0, 0)));
        desk.assertAllowed(desk.submit(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, quantity, 100_00,
                Product.MIS)));
    }

    @ParameterizedTest(name = "{0} MIS held, {1} {2} {3} while banned -> {4}")
    @CsvSource({
        "INFY, 0,   BUY,  10,  RISK_FO_BAN",
        "INFY, 0,   SELL, 10,  RISK_FO_BAN",
        "INFY, 100, BUY,  1,   RISK_FO_BAN",
        "INFY, 100, SELL, 100, ALLOW",
        "INFY, 100, SELL, 101, RISK_FO_BAN",
        "TCS,  0,   BUY,  10,  ALLOW",
    })
    void noNewExposureInABannedUnderlying(String symbol, long held, Side side, long quantity, String code) {
        RiskDesk desk = new RiskDesk(relaxed());
        Symbol traded = Symbol.of(symbol);
        if (held != 0) {
            desk.hold(traded, held, 100_00, Product.MIS);
        }
        desk.execute(new SetBanList(Set.of(INFY), "fo_secban_05012026.csv", "ops"));
        desk.assertOutcome(desk.submit(limit(traded, side, quantity, 100_00, Product.MIS)), code, 0, 0);
    }

    @ParameterizedTest(name = "{0} held, {1} {2} {3} -> {4}")
    @CsvSource({
        "24, S25, BUY,  ALLOW,                   0,  0",
        "25, S26, BUY,  RISK_MAX_OPEN_POSITIONS, 25, 26",
        "25, S26, SELL, RISK_MAX_OPEN_POSITIONS, 25, 26",
        "25, S01, BUY,  ALLOW,                   0,  0",
        "25, S01, SELL, ALLOW,                   0,  0",
    })
    void openPositionsPerAccountAreLimited(int held, String symbol, Side side, String code, long limit,
                                           long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept("maxOpenPositions", "25"));
        for (int i = 1; i <= held; i++) {
            desk.hold(Symbol.of(String.format("S%02d", i)), 1, 100_00, Product.MIS);
        }
        desk.assertOutcome(desk.submit(limit(Symbol.of(symbol), side, 1, 100_00, Product.MIS)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "held {0}, pending {1}, bot limit ₹{2}: buy {3} at 100.00 -> {4}")
    @CsvSource({
        "0,      0,     0,       20000, ALLOW,                   0,         0",
        "0,      0,     0,       20001, RISK_MAX_POSITION_VALUE, 200000000, 200010000",
        "10000,  0,     0,       10000, ALLOW,                   0,         0",
        "10000,  0,     0,       10001, RISK_MAX_POSITION_VALUE, 200000000, 200010000",
        "0,      10000, 0,       10001, RISK_MAX_POSITION_VALUE, 200000000, 200010000",
        "-10000, 0,     0,       30000, ALLOW,                   0,         0",
        "-10000, 0,     0,       30001, RISK_MAX_POSITION_VALUE, 200000000, 200010000",
        "0,      0,     500000,  5000,  ALLOW,                   0,         0",
        "0,      0,     500000,  5001,  RISK_MAX_POSITION_VALUE, 50000000,  50010000",
        "0,      0,     3000000, 20001, RISK_MAX_POSITION_VALUE, 200000000, 200010000",
    })
    void positionValuePerSymbolIsLimited(long held, long pending, long botLimitRupees, long quantity, String code,
                                         long limit, long attempted) {
        RiskDesk desk = new RiskDesk(new RiskEngine(relaxedExcept("maxPositionValue", "2000000"))
                .withBotLimits(BOT, new BotLimits(0, 0, Paise.ofRupees(botLimitRupees), 0)));
        if (held != 0) {
            desk.hold(INFY, held, 100_00, Product.MIS);
        }
        if (pending != 0) {
            desk.assertAllowed(desk.submit(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, pending, 100_00,
                    Product.MIS)));
        }
        desk.assertOutcome(desk.submit(limit(INFY, Side.BUY, quantity, 100_00, Product.MIS)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "{0} bps of equity, {1} held: buy {2} at 100.00 -> {3}")
    @CsvSource({
        "2000, 0,    20000, ALLOW,              0,         0",
        "2000, 0,    20001, RISK_CONCENTRATION, 200000000, 200010000",
        "1000, 5000, 5000,  ALLOW,              0,         0",
        "1000, 5000, 5001,  RISK_CONCENTRATION, 100000000, 100010000",
    })
    void oneSymbolIsAtMostAShareOfEquity(String bps, long held, long quantity, String code, long limit,
                                         long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept("maxConcentrationBps", bps));
        if (held != 0) {
            desk.hold(INFY, held, 100_00, Product.MIS);
        }
        desk.assertOutcome(desk.submit(limit(INFY, Side.BUY, quantity, 100_00, Product.MIS)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "TCS {0}, HDFCBANK {1}: buy {2} INFY at 100.00 -> {3}")
    @CsvSource({
        "0,      0,     40000, ALLOW,                0,         0",
        "0,      0,     40001, RISK_SECTOR_EXPOSURE, 400000000, 400010000",
        "20000,  0,     20000, ALLOW,                0,         0",
        "20000,  0,     20001, RISK_SECTOR_EXPOSURE, 400000000, 400010000",
        "20000,  30000, 20000, ALLOW,                0,         0",
        "-20000, 0,     20001, RISK_SECTOR_EXPOSURE, 400000000, 400010000",
    })
    void oneSectorIsAtMostAShareOfEquity(long tcs, long hdfc, long quantity, String code, long limit,
                                         long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept("maxSectorExposureBps", "4000"));
        if (tcs != 0) {
            desk.hold(TCS, tcs, 100_00, Product.MIS);
        }
        if (hdfc != 0) {
            desk.hold(RiskDesk.HDFCBANK, hdfc, 100_00, Product.MIS);
        }
        desk.assertOutcome(desk.submit(limit(INFY, Side.BUY, quantity, 100_00, Product.MIS)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "CNC TCS {0}, MIS HDFCBANK {1} (filled {2}): {3} INFY {4} -> {5}")
    @CsvSource({
        "0,     0,      true,  CNC, 100000, ALLOW,                   0,          0",
        "0,     0,      true,  CNC, 100001, RISK_LEVERAGE,           1000000000, 1000010000",
        "40000, 0,      true,  CNC, 60000,  ALLOW,                   0,          0",
        "40000, 0,      true,  CNC, 60001,  RISK_LEVERAGE,           1000000000, 1000010000",
        "0,     0,      true,  MIS, 500000, ALLOW,                   0,          0",
        "0,     0,      true,  MIS, 500001, RISK_LEVERAGE,           5000000000, 5000010000",
        "0,     400000, true,  MIS, 100000, ALLOW,                   0,          0",
        "0,     400000, true,  MIS, 100001, RISK_LEVERAGE,           5000000000, 5000010000",
        "0,     400000, false, MIS, 100000, ALLOW,                   0,          0",
        "0,     400000, false, MIS, 100001, RISK_LEVERAGE,           5000000000, 5000010000",
        "0,     100000, true,  CNC, 80000,  ALLOW,                   0,          0",
        "0,     100000, true,  CNC, 80001,  RISK_INSUFFICIENT_FUNDS, 800000000,  800010000",
        "50000, 0,      true,  MIS, 250000, ALLOW,                   0,          0",
        "50000, 0,      true,  MIS, 250001, RISK_INSUFFICIENT_FUNDS, 500000000,  500002000",
    })
    void grossExposureAndFundsAreLimited(long cncHeld, long misHeld, boolean filled, Product product,
                                         long quantity, String code, long limit, long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept("misLeverage", "5"));
        if (cncHeld != 0) {
            desk.hold(TCS, cncHeld, 100_00, Product.CNC);
        }
        if (misHeld != 0 && filled) {
            desk.hold(RiskDesk.HDFCBANK, misHeld, 100_00, Product.MIS);
        } else if (misHeld != 0) {
            desk.assertAllowed(desk.submit(limit(RiskDesk.HDFCBANK, Side.BUY, misHeld, 100_00, Product.MIS)));
        }
        desk.assertOutcome(desk.submit(limit(INFY, Side.BUY, quantity, 100_00, product)), code, limit, attempted);
    }

    @ParameterizedTest(name = "{0} {1} at 100.00, stop {2} -> {3}")
    @CsvSource({
        "BUY,  20000, 9000,  ALLOW,                   0,        0",
        "BUY,  20001, 9000,  RISK_MAX_RISK_PER_TRADE, 20000000, 20001000",
        "BUY,  20000, 8999,  RISK_MAX_RISK_PER_TRADE, 20000000, 20020000",
        "SELL, 20000, 11000, ALLOW,                   0,        0",
        "SELL, 20001, 11000, RISK_MAX_RISK_PER_TRADE, 20000000, 20001000",
        "BUY,  40000, 0,     ALLOW,                   0,        0",
        "BUY,  40001, 0,     RISK_MAX_RISK_PER_TRADE, 20000000, 20000500",
    })
    void riskToTheStopIsAtMostAShareOfEquity(Side side, long quantity, long stop, String code, long limit,
                                             long attempted) {
        RiskDesk desk = new RiskDesk(relaxedExcept("maxRiskPerTradeBps", "200"));
        desk.price(INFY, 100_00);
        desk.assertOutcome(desk.submit(limit(INFY, side, quantity, 100_00, Product.MIS).withStopLoss(stop)), code,
                limit, attempted);
    }

    @ParameterizedTest(name = "{0} ATRs of 2.00: buy {1} -> {2}")
    @CsvSource({
        "2.0, 50000, ALLOW,                   0,        0",
        "2.0, 50001, RISK_MAX_RISK_PER_TRADE, 20000000, 20000400",
        "1.5, 66666, ALLOW,                   0,        0",
        "1.5, 66667, RISK_MAX_RISK_PER_TRADE, 20000000, 20000100",
    })
    void anUnstoppedOrderIsMeasuredWithAnAtrStopOnceTheAtrIsKnown(String multiple, long quantity, String code,
                                                                  long limit, long attempted) {
        RiskDesk desk = new RiskDesk(relaxed().with(Map.of("maxRiskPerTradeBps", "200",
                "stopAtrMultiple", multiple)));
        for (int i = 0; i < 15; i++) {
            desk.engine.onBar(new Bar(INFY, RiskDesk.SESSION.minusSeconds(60L * (15 - i)), 100_00, 101_00, 99_00,
                    100_00, 1_000));
        }
        desk.assertOutcome(desk.submit(limit(INFY, Side.BUY, quantity, 100_00, Product.MIS)), code, limit,
                attempted);
    }

    @ParameterizedTest(name = "held {0}: {1} {2} with stop {3} -> {4}")
    @CsvSource({
        "0,   BUY,  10,  0,    RISK_NO_STOP_LOSS",
        "0,   BUY,  10,  9000, ALLOW",
        "100, SELL, 100, 0,    ALLOW",
        "100, SELL, 101, 0,    RISK_NO_STOP_LOSS",
    })
    void denyWithoutStopRequiresAStopOnEveryOrderThatAddsExposure(long held, Side side, long quantity, long stop,
                                                                  String code) {
        RiskDesk desk = new RiskDesk(relaxedExcept("denyWithoutStop", "true"));
        if (held != 0) {
            desk.hold(INFY, held, 100_00, Product.MIS);
        }
        desk.assertOutcome(desk.submit(limit(INFY, side, quantity, 100_00, Product.MIS).withStopLoss(stop)), code,
                0, 0);
    }
}
