package com.quantdesk.core.engine;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.risk.TradingState;

/**
 * What the risk engine may make the trading engine do. Every action becomes events; an action asked
 * for while the engine is inside a step runs right after that step, so events keep their order.
 */
public interface EngineControl {

    /** Sets the state of a scope (account and bot as in {@code SetTradingState}); HALTED stays HALTED. */
    void setTradingState(AccountId account, BotId bot, TradingState state, String reason);

    /** Fires the kill switch for a scope. */
    void killSwitch(AccountId account, BotId bot, String reason, boolean flatten);

    /** Cancels the account's open MIS orders and closes its MIS positions with market orders. */
    void squareOffMis(AccountId account, String reason);

    /** Raises an alert event. */
    void alert(AccountId account, BotId bot, String code, String message);
}
