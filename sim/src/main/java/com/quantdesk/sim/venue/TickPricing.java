package com.quantdesk.sim.venue;

import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Side;

/** At what price an order trades on a tick, for the {@link TickVenue}. */
final class TickPricing {

    private final int slippageBps;

    TickPricing(int slippageBps) {
        this.slippageBps = slippageBps;
    }

    /**
     * The price at which the order trades on a tick at {@code price}, or 0 when it does not. A stop
     * the tick reaches is marked triggered, whether or not it then trades.
     */
    long price(TickOrder o, long price) {
        boolean buy = o.side == Side.BUY;
        long tick = o.instrument.tickSizePaise();
        return switch (o.type) {
            case MARKET -> slipped(price, buy, tick);
            case LIMIT -> withinLimit(o.limit, buy, price) ? price : 0;
            case SL_M -> triggers(o, buy, price) ? slipped(price, buy, tick) : 0;
            case SL -> triggers(o, buy, price) && withinLimit(o.limit, buy, price) ? price : 0;
        };
    }

    private static boolean triggers(TickOrder o, boolean buy, long price) {
        if (!o.triggered) {
            o.triggered = buy ? price >= o.trigger : price <= o.trigger;
        }
        return o.triggered;
    }

    private static boolean withinLimit(long limit, boolean buy, long price) {
        return buy ? price <= limit : price >= limit;
    }

    /** Adverse slippage, rounded to the tick against the trader; a sell never goes below one tick. */
    private long slipped(long price, boolean buy, long tick) {
        if (slippageBps == 0) {
            return price;
        }
        long slip = Paise.scale(price, slippageBps, 10_000);
        return buy ? Paise.ceilToTick(price + slip, tick) : Math.max(tick, Paise.floorToTick(price - slip, tick));
    }
}
