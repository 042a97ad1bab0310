package com.quantdesk.core.engine;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.risk.TradingState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read access to the engine's state for pre-trade checks and strategies, valid on the engine thread. */
public interface EngineView {

    /** Engine-clock time. */
    Instant now();

    /** The instrument, if the engine knows it. */
    Optional<Instrument> instrument(Symbol symbol);

    /** The last price seen for the symbol (bar close or fill), paise; 0 when none. */
    long lastPrice(Symbol symbol);

    /** The portfolio of an account. */
    Portfolio portfolio(AccountId account);

    /** Open orders of an account, oldest first. */
    List<Order> openOrders(AccountId account);

    /** The trading state that applies to the account (the most restrictive of global and account). */
    TradingState tradingState(AccountId account);
}
