package com.quantdesk.sim.venue;

import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.order.Order;
import java.time.Instant;

/** An order held by the {@link TickVenue}, from its arrival until its last report. */
final class TickOrder {

    final Order order;
    final OrderId id;
    final Symbol symbol;
    final Side side;
    final OrderType type;
    final Validity validity;
    final Instrument instrument;
    /** Earliest tick time it may trade at: its acknowledgement time. */
    Instant tradableFrom;
    /** IST trading day it belongs to (for DAY expiry), or {@link TickVenue#NO_DATE} until the venue knows the time. */
    long day;
    long quantity;
    long limit;
    long trigger;
    /** Quantity matched so far, reported or not (restored orders start with what the journal booked). */
    long matched;
    boolean acknowledged;
    boolean triggered;
    /** Whether it can still trade: false once fully matched, cancelled, expired or an IOC remainder is gone. */
    boolean live = true;
    /** Whether a cancel arrived before the acknowledgement; the acknowledgement then reports the cancel. */
    boolean cancelRequested;

    TickOrder(Order order, Instrument instrument, Instant tradableFrom, long day) {
        this.order = order;
        this.id = order.id();
        this.symbol = order.symbol();
        this.side = order.side();
        this.type = order.type();
        this.validity = order.validity();
        this.instrument = instrument;
        this.tradableFrom = tradableFrom;
        this.day = day;
        this.quantity = order.request().quantity();
        this.limit = order.request().limitPrice();
        this.trigger = order.request().triggerPrice();
        this.matched = order.filledQuantity();
    }

    /** Quantity not yet matched. */
    long unmatched() {
        return quantity - matched;
    }
}
