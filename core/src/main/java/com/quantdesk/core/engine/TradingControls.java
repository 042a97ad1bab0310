package com.quantdesk.core.engine;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.ClosingPriceRecorded;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.risk.TradingState;
import java.time.LocalDate;
import java.util.List;

/**
 * Trading states and the kill switch, the MIS square-off, and the actions the risk engine asks for
 * ({@link EngineControl}), all as events of the engine. Engine thread only.
 */
final class TradingControls implements EngineControl {

    private final TradingEngine engine;
    private final EngineState state;

    TradingControls(TradingEngine engine, EngineState state) {
        this.engine = engine;
        this.state = state;
    }

    CommandResult changeState(AccountId account, BotId bot, TradingState target, String reason, String actor,
                              long commandId, boolean reset) {
        if (!account.equals(AccountId.SYSTEM) && !state.portfolios.containsKey(account)) {
            return unknownAccount(account);
        }
        TradingState previous = state.stateAt(account, bot);
        if (previous == TradingState.HALTED && target != TradingState.HALTED && !reset) {
            return CommandResult.refused(null, "RISK_RESET_REQUIRED",
                    "scope is HALTED; only a kill-switch reset leaves it");
        }
        if (previous == target) {
            return CommandResult.ok();
        }
        if (!bot.equals(BotId.NONE)) {
            BotRuntime runtime = state.bots.get(bot);
            if (runtime == null || runtime.state() == BotState.DELETED || !runtime.account().equals(account)) {
                return CommandResult.refused(null, "ORDER_UNKNOWN_BOT", "no bot " + bot + " on account " + account);
            }
        }
        engine.emit(new TradingStateChanged(engine.takeSequence(), engine.now(), account, bot, commandId, previous,
                target, reason, actor));
        return CommandResult.ok();
    }

    CommandResult killSwitch(AccountId account, BotId bot, String reason, boolean flatten, String actor,
                             long commandId) {
        if (!account.equals(AccountId.SYSTEM) && !state.portfolios.containsKey(account)) {
            return unknownAccount(account);
        }
        CommandResult halted = changeState(account, bot, TradingState.HALTED, "kill switch: " + reason, actor,
                commandId, true);
        if (!halted.accepted()) {
            return halted;
        }
        engine.emit(new RiskAlert(engine.takeSequence(), engine.now(), account, bot, commandId, "KILL_SWITCH",
                "kill switch by " + actor + ": " + reason + (flatten ? " (flattening positions)" : "")));
        for (Order order : List.copyOf(state.openOrders.values())) {
            if (inScope(order.account(), order.bot(), account, bot)) {
                engine.cancel(order.id(), "kill switch: " + reason);
            }
        }
        if (flatten) {
            for (Portfolio p : List.copyOf(state.portfolioList)) {
                if (account.equals(AccountId.SYSTEM) || p.account().equals(account)) {
                    closePositions(p.account(), bot, null, "KILL-FLATTEN");
                }
            }
        }
        return CommandResult.ok();
    }

    private static CommandResult unknownAccount(AccountId account) {
        return CommandResult.refused(null, "ORDER_UNKNOWN_ACCOUNT", "unknown account " + account);
    }

    private static boolean inScope(AccountId orderAccount, BotId orderBot, AccountId account, BotId bot) {
        return account.equals(AccountId.SYSTEM)
                || orderAccount.equals(account) && (bot.equals(BotId.NONE) || orderBot.equals(bot));
    }

    /**
     * Closes positions with system market orders, attributed to the bots that hold them; what no bot
     * holds is closed as {@link BotId#NONE}. {@code onlyProduct} null means every product.
     */
    private void closePositions(AccountId account, BotId onlyBot, Product onlyProduct, String tag) {
        Portfolio portfolio = state.portfolio(account);
        for (PositionSnapshot position : portfolio.openPositions()) {
            if (onlyProduct != null && position.product() != onlyProduct) {
                continue;
            }
            long unattributed = position.quantity();
            for (BotId id : engine.bots()) {
                BotRuntime bot = state.bots.get(id);
                if (!bot.account().equals(account)) {
                    continue;
                }
                long held = bot.book().quantity(position.symbol(), position.product());
                unattributed -= held;
                if (held != 0 && (onlyBot.equals(BotId.NONE) || bot.bot().equals(onlyBot))) {
                    engine.submitSystem(closing(account, bot.bot(), position, held, tag));
                }
            }
            if (unattributed != 0 && onlyBot.equals(BotId.NONE)) {
                engine.submitSystem(closing(account, BotId.NONE, position, unattributed, tag));
            }
        }
    }

    private static OrderRequest closing(AccountId account, BotId bot, PositionSnapshot position, long quantity,
                                        String tag) {
        Side side = quantity > 0 ? Side.SELL : Side.BUY;
        return OrderRequest.market(account, bot, position.symbol(), side, Math.abs(quantity), position.product())
                .withTag(tag);
    }

    // ---------------------------------------------------------------- what the risk engine asks for

    @Override
    public void setTradingState(AccountId account, BotId bot, TradingState target, String reason) {
        engine.drive(() -> changeState(account, bot, target, reason, "risk", 0, false));
    }

    @Override
    public void killSwitch(AccountId account, BotId bot, String reason, boolean flatten) {
        engine.drive(() -> killSwitch(account, bot, reason, flatten, "risk", 0));
    }

    @Override
    public void squareOffMis(AccountId account, String reason) {
        engine.drive(() -> {
            for (Order order : List.copyOf(state.openOrders.values())) {
                if (order.account().equals(account) && order.product() == Product.MIS) {
                    engine.cancel(order.id(), reason);
                }
            }
            closePositions(account, BotId.NONE, Product.MIS, "MIS-SQUAREOFF");
        });
    }

    @Override
    public void alert(AccountId account, BotId bot, String code, String message) {
        engine.drive(() -> engine.emit(new RiskAlert(engine.takeSequence(), engine.now(), account, bot, 0, code,
                message)));
    }

    @Override
    public void recordSession(AccountId account, LocalDate tradeDate, long baselineEquity, boolean dailyLossBreached,
                              boolean misSquaredOff) {
        engine.drive(() -> engine.emit(new RiskSessionChanged(engine.takeSequence(), engine.now(), account,
                BotId.NONE, 0, tradeDate, baselineEquity, dailyLossBreached, misSquaredOff)));
    }

    @Override
    public void recordClosingPrice(Symbol symbol, LocalDate tradeDate, long close) {
        engine.drive(() -> engine.emit(new ClosingPriceRecorded(engine.takeSequence(), engine.now(),
                AccountId.SYSTEM, BotId.NONE, 0, symbol, tradeDate, close)));
    }
}
