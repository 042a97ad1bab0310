package com.quantdesk.core.engine;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
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

    /** Every open account. */
    List<AccountId> accounts();

    /** The portfolio of an account. */
    Portfolio portfolio(AccountId account);

    /** Open orders of an account, oldest first. */
    List<Order> openOrders(AccountId account);

    /** The trading state that applies to the account (the most restrictive of global and account). */
    TradingState tradingState(AccountId account);

    /** The state that applies to a bot's orders: the most restrictive of global, account and bot. */
    TradingState tradingState(AccountId account, BotId bot);

    /** A bot's own net quantity in a symbol (0 for an unknown bot). */
    long botPosition(BotId bot, Symbol symbol);

    /** Whether the order only reduces an existing position (it never opens or flips one). */
    boolean reducesExposure(com.quantdesk.core.order.OrderRequest request);
}
