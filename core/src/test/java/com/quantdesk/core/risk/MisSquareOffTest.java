package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.PropsDesk.ACC;
import static com.quantdesk.core.risk.PropsDesk.ALPHA;
import static com.quantdesk.core.risk.PropsDesk.BETA;
import static com.quantdesk.core.risk.PropsDesk.GAMMA;
import static com.quantdesk.core.risk.PropsDesk.HDFC;
import static com.quantdesk.core.risk.PropsDesk.INFY;
import static com.quantdesk.core.risk.PropsDesk.MONDAY;
import static com.quantdesk.core.risk.PropsDesk.OTHER;
import static com.quantdesk.core.risk.PropsDesk.TCS;
import static com.quantdesk.core.risk.PropsDesk.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.order.OrderRequest;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MIS square-off driven by the engine clock. Alpha is long 10 INFY MIS and beta short 4 of it
 * (the account nets +6), alpha also holds 20 TCS CNC; a beta MIS buy and an alpha CNC buy rest.
 */
class MisSquareOffTest {

    private static final long INFY_PRICE = 1_500_00;
    private static final long TCS_PRICE = 3_500_00;
    private static final long HDFC_PRICE = 1_600_00;
    private static final LocalTime CUTOFF = LocalTime.of(15, 20);

    private PropsDesk desk;
    private OrderId misResting;
    private OrderId cncResting;

    @BeforeEach
    void holdMisAndCncPositions() {
        desk = new PropsDesk(PropsDesk.quietDefaults()).open(INFY_PRICE, TCS_PRICE, HDFC_PRICE);
        hold(ALPHA, INFY, Side.BUY, 10, Product.MIS, INFY_PRICE);
        hold(BETA, INFY, Side.SELL, 4, Product.MIS, INFY_PRICE);
        hold(ALPHA, TCS, Side.BUY, 20, Product.CNC, TCS_PRICE);
        misResting = desk.placed(OrderRequest.limit(ACC, BETA, HDFC, Side.BUY, 5, 1_590_00, Product.MIS));
        cncResting = desk.placed(OrderRequest.limit(ACC, ALPHA, HDFC, Side.BUY, 6, 1_590_00, Product.CNC));
    }

    private void hold(BotId bot, com.quantdesk.core.domain.Symbol symbol, Side side, long quantity,
                      Product product, long price) {
        desk.fill(desk.placed(market(ACC, bot, symbol, side, quantity, product)), quantity, price);
    }

    private List<OrderSubmitted> squareOffOrders() {
        return desk.events(OrderSubmitted.class).stream()
                .filter(s -> s.order().request().tag().equals("MIS-SQUAREOFF")).toList();
    }

    @Test
    void misPositionsStayOpenOneSecondBeforeTheCutoff() {
        desk.clearEvents();

        desk.at(LocalTime.of(15, 19, 59));

        assertThat(desk.events).isEmpty();
        assertThat(desk.engine.portfolio(ACC).quantity(INFY, Product.MIS)).isEqualTo(6);
        assertThat(desk.engine.openOrder(misResting)).isPresent();
    }

    @Test
    void atTheCutoffCancelsOpenMisOrdersAndClosesEachBotsMisPositionWithMarketOrders() {
        desk.at(LocalTime.of(15, 19, 59));

        desk.at(CUTOFF);

        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::account, RiskAlert::code, RiskAlert::message)
                .containsExactly(tuple(ACC, "RISK_MIS_SQUAREOFF", "MIS square-off at 15:20 IST"));
        assertThat(desk.events(OrderCancelled.class)).extracting(OrderCancelled::orderId, OrderCancelled::reason)
                .containsExactly(tuple(misResting, "MIS square-off at 15:20 IST"));
        assertThat(desk.engine.openOrder(cncResting)).isPresent();
        assertThat(squareOffOrders()).extracting(s -> s.order().account(), s -> s.order().bot(),
                s -> s.order().symbol(), s -> s.order().side(), s -> s.order().request().quantity(),
                s -> s.order().product(), s -> s.order().type()).containsExactly(
                tuple(ACC, ALPHA, INFY, Side.SELL, 10L, Product.MIS, OrderType.MARKET),
                tuple(ACC, BETA, INFY, Side.BUY, 4L, Product.MIS, OrderType.MARKET));

        for (OrderSubmitted s : squareOffOrders()) {
            desk.fill(s.order().id(), s.order().request().quantity(), INFY_PRICE);
        }

        assertThat(desk.engine.portfolio(ACC).quantity(INFY, Product.MIS)).isZero();
        assertThat(desk.engine.botPosition(ALPHA, INFY)).isZero();
        assertThat(desk.engine.botPosition(BETA, INFY)).isZero();
        assertThat(desk.engine.portfolio(ACC).quantity(TCS, Product.CNC)).isEqualTo(20);
    }

    @Test
    void manualMisHoldingsAreClosedAsBotNone() {
        desk.fill(desk.placed(market(ACC, BotId.NONE, TCS, Side.SELL, 3, Product.MIS)), 3, TCS_PRICE);
        desk.clearEvents();

        desk.at(CUTOFF);

        assertThat(squareOffOrders()).extracting(s -> s.order().bot(), s -> s.order().symbol(),
                s -> s.order().side(), s -> s.order().request().quantity()).containsExactly(
                tuple(ALPHA, INFY, Side.SELL, 10L), tuple(BETA, INFY, Side.BUY, 4L),
                tuple(BotId.NONE, TCS, Side.BUY, 3L));
    }

    @Test
    void anAccountWithoutMisGetsNoSquareOffAndNoAlert() {
        desk.fill(desk.placed(market(OTHER, GAMMA, HDFC, Side.BUY, 3, Product.CNC)), 3, HDFC_PRICE);
        desk.clearEvents();

        desk.at(CUTOFF);

        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::account).containsExactly(ACC);
        assertThat(squareOffOrders()).extracting(s -> s.order().account()).containsOnly(ACC);
    }

    @Test
    void theSquareOffHappensOncePerDay() {
        desk.at(CUTOFF);
        desk.clearEvents();

        desk.at(LocalTime.of(15, 20, 1));
        desk.at(LocalTime.of(15, 25));

        assertThat(desk.events).isEmpty();
        assertThat(desk.engine.openOrders(ACC)).extracting(o -> o.request().tag())
                .containsExactlyInAnyOrder("", "MIS-SQUAREOFF", "MIS-SQUAREOFF");
    }

    @Test
    void theCutoffAlsoDeniesNewMisEntriesButNotMisExits() {
        desk.at(LocalTime.of(15, 19, 59));

        assertThat(desk.submit(market(ACC, ALPHA, TCS, Side.BUY, 1, Product.MIS)).accepted()).isTrue();

        desk.clock.set(PropsDesk.ist(MONDAY, CUTOFF));
        assertThat(desk.submit(market(ACC, ALPHA, HDFC, Side.BUY, 1, Product.MIS)).reasonCode())
                .isEqualTo("RISK_MIS_CUTOFF");
        // Reducing is judged on the account's MIS position (+6), not the bot's (+10).
        assertThat(desk.submit(market(ACC, ALPHA, INFY, Side.SELL, 10, Product.MIS)).reasonCode())
                .isEqualTo("RISK_MIS_CUTOFF");
        assertThat(desk.submit(market(ACC, ALPHA, INFY, Side.SELL, 6, Product.MIS)).accepted()).isTrue();
    }

    @Test
    void squaresOffAgainAtTheNextDaysCutoff() {
        desk.at(CUTOFF);
        for (OrderSubmitted s : squareOffOrders()) {
            desk.fill(s.order().id(), s.order().request().quantity(), INFY_PRICE);
        }
        desk.at(MONDAY.plusDays(1), LocalTime.of(9, 15));
        hold(ALPHA, HDFC, Side.BUY, 7, Product.MIS, HDFC_PRICE);
        desk.clearEvents();

        desk.at(CUTOFF);

        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code).containsExactly("RISK_MIS_SQUAREOFF");
        assertThat(squareOffOrders()).extracting(s -> s.order().bot(), s -> s.order().symbol(),
                s -> s.order().side(), s -> s.order().request().quantity())
                .containsExactly(tuple(ALPHA, HDFC, Side.SELL, 7L));
    }

    @Test
    void anMisPositionLeftFromAnEarlierSessionIsSquaredOffAtTheNextSessionsFirstTick() {
        // Daily bars: the engine is never woken between the open and the next day's open.
        desk.clearEvents();

        desk.at(MONDAY.plusDays(1), LocalTime.of(9, 15));

        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code, RiskAlert::message)
                .containsExactly(tuple("RISK_MIS_SQUAREOFF",
                        "MIS square-off of positions left from an earlier session"));
        assertThat(squareOffOrders()).extracting(s -> s.order().bot(), s -> s.order().symbol(),
                s -> s.order().side(), s -> s.order().request().quantity(), s -> s.order().product())
                .containsExactly(tuple(ALPHA, INFY, Side.SELL, 10L, Product.MIS),
                        tuple(BETA, INFY, Side.BUY, 4L, Product.MIS));
        assertThat(desk.events(OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly(misResting);

        desk.clearEvents();
        desk.at(LocalTime.of(9, 16));
        assertThat(desk.events).isEmpty();
    }

    @Test
    void misSquareOffFalseLeavesMisPositionsAlone() {
        desk.execute(new com.quantdesk.core.command.SetRiskLimits(ACC,
                java.util.Map.of("misSquareOff", "false"), "ops"));
        desk.clearEvents();

        desk.at(CUTOFF);

        // Only the other account's session record (its square-off ran and found nothing to do).
        assertThat(desk.events).allSatisfy(e -> assertThat(e).isInstanceOf(RiskSessionChanged.class)
                .extracting(Event::account).isNotEqualTo(ACC));
        assertThat(desk.engine.portfolio(ACC).quantity(INFY, Product.MIS)).isEqualTo(6);
    }

    @Test
    void aSquareOffWhoseOrdersWereRejectedIsTriedAgainAMinuteLater() {
        desk.at(CUTOFF);
        squareOffOrders().forEach(s -> desk.reject(s.order().id()));
        desk.clearEvents();

        desk.at(CUTOFF.plusSeconds(59));
        assertThat(squareOffOrders()).isEmpty();
        desk.at(CUTOFF.plusMinutes(1));

        assertThat(squareOffOrders()).extracting(s -> s.order().bot(), s -> s.order().side(),
                s -> s.order().request().quantity()).containsExactly(tuple(ALPHA, Side.SELL, 10L),
                tuple(BETA, Side.BUY, 4L));
        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::message)
                .containsExactly("MIS square-off again: MIS positions are still open after the cut-off");
        // While its orders work, it is not tried again.
        desk.clearEvents();
        desk.at(CUTOFF.plusMinutes(5));
        assertThat(squareOffOrders()).isEmpty();
    }

    @Test
    void misPositionsTheDaysSquareOffFailedToCloseAreClosedAtTheNextSession() {
        desk.at(CUTOFF);
        squareOffOrders().forEach(s -> desk.reject(s.order().id()));
        desk.clearEvents();

        desk.at(MONDAY.plusDays(1), LocalTime.of(9, 15, 1));

        assertThat(squareOffOrders()).hasSize(2);
        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::message)
                .containsExactly("MIS square-off of positions left from an earlier session");
    }
}
