package com.quantdesk.core.strategy;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a strategy sees of the engine: its own positions, the account's cash and equity, order
 * placement and the engine clock. Valid only inside strategy callbacks.
 */
public interface StrategyContext {

    /** This bot. */
    BotId bot();

    /** The account this bot trades for. */
    AccountId account();

    /** Engine-clock time (the bar time in a backtest). */
    Instant now();

    /** The instrument for a symbol. */
    Instrument instrument(Symbol symbol);

    /**
     * Indicators bound to {@code symbol}'s bars, updated by the engine before each {@code onBar}.
     * Only symbols this bot is subscribed to receive bars.
     */
    IndicatorSet indicators(Symbol symbol);

    /** This bot's net quantity in {@code symbol} (its own fills only), negative when short. */
    long position(Symbol symbol);

    /** The account's cash, paise. */
    long cash();

    /** The account's equity (cash + positions at the last prices), paise. */
    long equity();

    /** The last price seen for {@code symbol}, paise. */
    long lastPrice(Symbol symbol);

    /**
     * Places an order for this bot and account; account and bot in the request are replaced by this
     * bot's. Returns the order id, or empty when pre-trade checks denied it (the denial is an event).
     */
    Optional<OrderId> submit(OrderRequest request);

    /** Places a DAY market order. */
    default Optional<OrderId> market(Symbol symbol, Side side, long quantity, Product product) {
        return submit(OrderRequest.market(account(), bot(), symbol, side, quantity, product));
    }

    /** Cancels an open order of this bot; false if it is not open. */
    boolean cancel(OrderId orderId);

    /** This bot's open orders in {@code symbol}. */
    List<Order> openOrders(Symbol symbol);
}
