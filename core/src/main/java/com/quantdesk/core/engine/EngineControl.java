package com.quantdesk.core.engine;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.risk.TradingState;
import java.time.LocalDate;

/**
 * What the risk engine may make the trading engine do. Every action becomes events; an action asked
 * for while the engine is inside a step runs before that step ends, so events keep their order and
 * commit with the step that caused them.
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

    /**
     * Journals an account's risk session record, whole ({@code RiskSessionChanged}), so a restart
     * restores it.
     */
    void recordSession(AccountId account, LocalDate tradeDate, long baselineEquity, boolean dailyLossBreached,
                       boolean misSquaredOff);

    /** Journals a symbol's closing price of a trade date ({@code ClosingPriceRecorded}). */
    void recordClosingPrice(Symbol symbol, LocalDate tradeDate, long close);
}
