package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.PropsDesk.ACC;
import static com.quantdesk.core.risk.PropsDesk.ALPHA;
import static com.quantdesk.core.risk.PropsDesk.BETA;
import static com.quantdesk.core.risk.PropsDesk.GAMMA;
import static com.quantdesk.core.risk.PropsDesk.HDFC;
import static com.quantdesk.core.risk.PropsDesk.INFY;
import static com.quantdesk.core.risk.PropsDesk.OTHER;
import static com.quantdesk.core.risk.PropsDesk.TCS;
import static com.quantdesk.core.risk.PropsDesk.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.core.command.ActivateKillSwitch;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.ResetKillSwitch;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.order.OrderRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kill switch and trading states at global, account and bot level, driven by commands. */
class KillSwitchTest {

    private static final long INFY_PRICE = 1_500_00;
    private static final long TCS_PRICE = 3_500_00;
    private static final long HDFC_PRICE = 1_600_00;

    private PropsDesk desk;

    @BeforeEach
    void openTheSession() {
        desk = new PropsDesk(PropsDesk.quietDefaults()).open(INFY_PRICE, TCS_PRICE, HDFC_PRICE);
    }

    private OrderId restingBuy(AccountId account, BotId bot, long quantity) {
        return desk.placed(OrderRequest.limit(account, bot, INFY, Side.BUY, quantity, 1_490_00, Product.CNC));
    }

    private void hold(AccountId account, BotId bot, com.quantdesk.core.domain.Symbol symbol, Side side,
                      long quantity, Product product, long price) {
        desk.fill(desk.placed(market(account, bot, symbol, side, quantity, product)), quantity, price);
    }

    private static ActivateKillSwitch kill(AccountId account, BotId bot, boolean flatten) {
        return new ActivateKillSwitch(account, bot, "operator", flatten, "ops");
    }

    @Test
    void killSwitchCancelsEveryOpenOrderOfTheAccountWithAKillSwitchReason() {
        OrderId alpha = restingBuy(ACC, ALPHA, 10);
        OrderId manual = restingBuy(ACC, BotId.NONE, 11);
        OrderId gamma = restingBuy(OTHER, GAMMA, 12);
        desk.clearEvents();

        CommandResult result = desk.execute(kill(ACC, BotId.NONE, false));

        assertThat(result.accepted()).isTrue();
        assertThat(desk.events(OrderCancelled.class)).extracting(OrderCancelled::orderId, OrderCancelled::reason)
                .containsExactly(tuple(alpha, "kill switch: operator"), tuple(manual, "kill switch: operator"));
        assertThat(desk.engine.openOrder(gamma)).isPresent();
        assertThat(desk.events(TradingStateChanged.class)).extracting(TradingStateChanged::account,
                TradingStateChanged::previous, TradingStateChanged::current, TradingStateChanged::actor)
                .containsExactly(tuple(ACC, TradingState.ACTIVE, TradingState.HALTED, "ops"));
        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code).containsExactly("KILL_SWITCH");
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(desk.engine.tradingState(OTHER)).isEqualTo(TradingState.ACTIVE);
        assertThat(desk.venue.submitted()).hasSize(3);
    }

    @Test
    void deniesEveryNewOrderWhileHaltedEvenOneThatReducesExposure() {
        hold(ACC, ALPHA, INFY, Side.BUY, 10, Product.CNC, INFY_PRICE);
        desk.execute(kill(ACC, BotId.NONE, false));

        CommandResult buy = desk.submit(market(ACC, ALPHA, INFY, Side.BUY, 1, Product.CNC));
        CommandResult sell = desk.submit(market(ACC, ALPHA, INFY, Side.SELL, 10, Product.CNC));
        CommandResult manual = desk.submit(market(ACC, BotId.NONE, TCS, Side.BUY, 1, Product.MIS));

        assertThat(List.of(buy, sell, manual)).extracting(CommandResult::reasonCode)
                .containsOnly("RISK_HALTED");
        assertThat(desk.submit(market(OTHER, GAMMA, INFY, Side.BUY, 1, Product.CNC)).accepted()).isTrue();
    }

    @Test
    void cancelsAreStillAllowedWhileHalted() {
        OrderId resting = restingBuy(ACC, ALPHA, 10);
        desk.execute(new SetTradingState(ACC, TradingState.HALTED, "maintenance", "ops"));
        desk.clearEvents();

        CommandResult cancel = desk.execute(new CancelOrder(resting, "operator tidy-up"));

        assertThat(cancel.accepted()).isTrue();
        assertThat(desk.events(OrderCancelled.class)).extracting(OrderCancelled::orderId, OrderCancelled::reason)
                .containsExactly(tuple(resting, "operator tidy-up"));
        assertThat(desk.engine.openOrders(ACC)).isEmpty();
    }

    @Test
    void setTradingStateCannotLeaveHaltedOnlyAResetCan() {
        desk.execute(kill(ACC, BotId.NONE, false));

        CommandResult active = desk.execute(new SetTradingState(ACC, TradingState.ACTIVE, "try", "ops"));
        CommandResult reducing = desk.execute(new SetTradingState(ACC, TradingState.REDUCING, "try", "ops"));

        assertThat(List.of(active, reducing)).extracting(CommandResult::accepted, CommandResult::reasonCode)
                .containsOnly(tuple(false, "RISK_RESET_REQUIRED"));
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);

        desk.clearEvents();
        CommandResult reset = desk.execute(new ResetKillSwitch(ACC, BotId.NONE, "checked", "ops"));

        assertThat(reset.accepted()).isTrue();
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.ACTIVE);
        assertThat(desk.events(TradingStateChanged.class)).extracting(TradingStateChanged::previous,
                TradingStateChanged::current, TradingStateChanged::reason)
                .containsExactly(tuple(TradingState.HALTED, TradingState.ACTIVE, "reset: checked"));
        assertThat(desk.submit(market(ACC, ALPHA, INFY, Side.BUY, 1, Product.CNC)).accepted()).isTrue();
    }

    @Test
    void flattenClosesEachBotsPositionsAndTheManualRemainderWithTaggedMarketOrders() {
        hold(ACC, ALPHA, INFY, Side.BUY, 10, Product.CNC, INFY_PRICE);
        hold(ACC, BETA, INFY, Side.BUY, 20, Product.CNC, INFY_PRICE);
        hold(ACC, BotId.NONE, INFY, Side.BUY, 5, Product.CNC, INFY_PRICE);
        hold(ACC, BETA, TCS, Side.SELL, 7, Product.MIS, TCS_PRICE);
        hold(OTHER, GAMMA, HDFC, Side.BUY, 3, Product.CNC, HDFC_PRICE);
        desk.clearEvents();

        desk.execute(kill(ACC, BotId.NONE, true));

        List<OrderSubmitted> flatten = desk.events(OrderSubmitted.class);
        assertThat(flatten).extracting(s -> s.order().bot(), s -> s.order().symbol(), s -> s.order().side(),
                s -> s.order().request().quantity(), s -> s.order().product(), s -> s.order().type(),
                s -> s.order().request().tag()).containsExactly(
                tuple(ALPHA, INFY, Side.SELL, 10L, Product.CNC, OrderType.MARKET, "KILL-FLATTEN"),
                tuple(BETA, INFY, Side.SELL, 20L, Product.CNC, OrderType.MARKET, "KILL-FLATTEN"),
                tuple(BotId.NONE, INFY, Side.SELL, 5L, Product.CNC, OrderType.MARKET, "KILL-FLATTEN"),
                tuple(BETA, TCS, Side.BUY, 7L, Product.MIS, OrderType.MARKET, "KILL-FLATTEN"));
        assertThat(desk.events(RiskAlert.class)).singleElement().extracting(RiskAlert::message)
                .isEqualTo("kill switch by ops: operator (flattening positions)");

        for (OrderSubmitted s : flatten) {
            desk.fill(s.order().id(), s.order().request().quantity(), INFY_PRICE);
        }

        assertThat(desk.engine.portfolio(ACC).openPositions()).isEmpty();
        assertThat(desk.engine.botPosition(ALPHA, INFY)).isZero();
        assertThat(desk.engine.botPosition(BETA, INFY)).isZero();
        assertThat(desk.engine.botPosition(BETA, TCS)).isZero();
        assertThat(desk.engine.portfolio(OTHER).quantity(HDFC)).isEqualTo(3);
    }

    @Test
    void botKillSwitchHaltsAndFlattensOnlyThatBot() {
        hold(ACC, ALPHA, INFY, Side.BUY, 10, Product.CNC, INFY_PRICE);
        hold(ACC, BETA, INFY, Side.BUY, 20, Product.CNC, INFY_PRICE);
        hold(ACC, BotId.NONE, INFY, Side.BUY, 5, Product.CNC, INFY_PRICE);
        OrderId alphaResting = desk.placed(OrderRequest.limit(ACC, ALPHA, TCS, Side.BUY, 1, 3_480_00, Product.CNC));
        OrderId betaResting = desk.placed(OrderRequest.limit(ACC, BETA, TCS, Side.BUY, 2, 3_480_00, Product.CNC));
        desk.clearEvents();

        desk.execute(kill(ACC, ALPHA, true));

        assertThat(desk.events(OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly(alphaResting);
        assertThat(desk.engine.openOrder(betaResting)).isPresent();
        assertThat(desk.events(OrderSubmitted.class)).extracting(s -> s.order().bot(),
                s -> s.order().request().quantity(), s -> s.order().request().tag())
                .containsExactly(tuple(ALPHA, 10L, "KILL-FLATTEN"));
        assertThat(desk.engine.tradingState(ACC, ALPHA)).isEqualTo(TradingState.HALTED);
        assertThat(desk.engine.tradingState(ACC, BETA)).isEqualTo(TradingState.ACTIVE);
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.ACTIVE);
        assertThat(desk.submit(market(ACC, ALPHA, HDFC, Side.BUY, 1, Product.CNC)).reasonCode())
                .isEqualTo("RISK_HALTED");
        assertThat(desk.submit(market(ACC, BETA, HDFC, Side.BUY, 1, Product.CNC)).accepted()).isTrue();
        assertThat(desk.submit(market(ACC, BotId.NONE, HDFC, Side.BUY, 2, Product.CNC)).accepted()).isTrue();
    }

    @Test
    void globalKillSwitchHaltsAndFlattensEveryAccount() {
        hold(ACC, ALPHA, INFY, Side.BUY, 10, Product.CNC, INFY_PRICE);
        hold(OTHER, GAMMA, HDFC, Side.BUY, 3, Product.MIS, HDFC_PRICE);
        desk.clearEvents();

        desk.execute(kill(AccountId.SYSTEM, BotId.NONE, true));

        assertThat(desk.events(OrderSubmitted.class)).extracting(s -> s.order().account(), s -> s.order().bot(),
                s -> s.order().symbol(), s -> s.order().side(), s -> s.order().request().quantity())
                .containsExactly(tuple(ACC, ALPHA, INFY, Side.SELL, 10L), tuple(OTHER, GAMMA, HDFC, Side.SELL, 3L));
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(desk.engine.tradingState(OTHER)).isEqualTo(TradingState.HALTED);
        assertThat(desk.events(TradingStateChanged.class)).extracting(TradingStateChanged::account)
                .containsExactly(AccountId.SYSTEM);
    }

    @Test
    void theMostRestrictiveOfGlobalAccountAndBotStateApplies() {
        desk.execute(new SetTradingState(AccountId.SYSTEM, TradingState.REDUCING, "global", "ops"));
        desk.execute(new SetTradingState(ACC, BETA, TradingState.HALTED, "bot", "ops"));
        desk.execute(new SetTradingState(OTHER, TradingState.HALTED, "account", "ops"));

        assertThat(desk.engine.tradingState(ACC, ALPHA)).isEqualTo(TradingState.REDUCING);
        assertThat(desk.engine.tradingState(ACC, BETA)).isEqualTo(TradingState.HALTED);
        assertThat(desk.engine.tradingState(OTHER, GAMMA)).isEqualTo(TradingState.HALTED);
        assertThat(desk.submit(market(ACC, ALPHA, INFY, Side.BUY, 1, Product.CNC)).reasonCode())
                .isEqualTo("RISK_REDUCING_ONLY");
        assertThat(desk.submit(market(ACC, BETA, INFY, Side.BUY, 1, Product.CNC)).reasonCode())
                .isEqualTo("RISK_HALTED");
        assertThat(desk.submit(market(OTHER, GAMMA, INFY, Side.BUY, 1, Product.CNC)).reasonCode())
                .isEqualTo("RISK_HALTED");

        desk.execute(new SetTradingState(AccountId.SYSTEM, TradingState.ACTIVE, "global over", "ops"));
        desk.execute(new SetTradingState(ACC, TradingState.REDUCING, "account", "ops"));

        assertThat(desk.engine.tradingState(ACC, ALPHA)).isEqualTo(TradingState.REDUCING);
        assertThat(desk.submit(market(ACC, ALPHA, INFY, Side.BUY, 1, Product.CNC)).reasonCode())
                .isEqualTo("RISK_REDUCING_ONLY");
    }

    @Test
    void reducingAllowsOnlyOrdersThatShrinkAPositionWithoutFlippingIt() {
        hold(ACC, ALPHA, INFY, Side.BUY, 10, Product.CNC, INFY_PRICE);
        desk.execute(new SetTradingState(ACC, TradingState.REDUCING, "wind down", "ops"));

        CommandResult partSell = desk.submit(market(ACC, ALPHA, INFY, Side.SELL, 4, Product.CNC));
        CommandResult add = desk.submit(market(ACC, ALPHA, INFY, Side.BUY, 1, Product.CNC));
        // Selling MIS against a CNC holding shrinks the net position: reducing, like selling CNC.
        CommandResult misSell = desk.submit(market(ACC, ALPHA, INFY, Side.SELL, 3, Product.MIS));
        CommandResult tooMuch = desk.submit(market(ACC, BETA, INFY, Side.SELL, 4, Product.CNC));
        CommandResult rest = desk.submit(market(ACC, BETA, INFY, Side.SELL, 3, Product.CNC));
        CommandResult newSymbol = desk.submit(market(ACC, ALPHA, TCS, Side.BUY, 1, Product.CNC));

        assertThat(partSell.accepted()).isTrue();
        assertThat(add.reasonCode()).isEqualTo("RISK_REDUCING_ONLY");
        assertThat(misSell.accepted()).isTrue();
        // 4 + 3 already working + 4 would sell 11 of 10 held: it flips, so it is not reducing.
        assertThat(tooMuch.reasonCode()).isEqualTo("RISK_REDUCING_ONLY");
        assertThat(rest.accepted()).isTrue();
        assertThat(newSymbol.reasonCode()).isEqualTo("RISK_REDUCING_ONLY");
    }
}
