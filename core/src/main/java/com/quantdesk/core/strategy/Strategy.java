package com.quantdesk.core.strategy;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.event.OrderEvent;
import com.quantdesk.core.event.OrderFilled;

/**
 * A trading strategy. The engine calls it on its own thread, one call at a time, in backtest, paper
 * and live mode alike; a strategy therefore needs no locks and must not block or read the wall clock
 * (use {@link StrategyContext#now()}).
 */
public interface Strategy {

    /** Called once before the first bar. */
    default void onStart(StrategyContext context) {
    }

    /** Called for every closed bar of a subscribed symbol. Orders placed here fill on a later bar. */
    void onBar(StrategyContext context, Bar bar);

    /** Called for every event in the life of one of this strategy's orders. */
    default void onOrderEvent(StrategyContext context, OrderEvent event) {
    }

    /** Called for every fill of one of this strategy's orders, after {@link #onOrderEvent}. */
    default void onFill(StrategyContext context, OrderFilled fill) {
    }

    /** Called once after the last bar. */
    default void onStop(StrategyContext context) {
    }
}
