package com.quantdesk.sim.venue;

import com.quantdesk.core.domain.OrderId;
import java.time.Instant;

/** A report the {@link TickVenue} owes, due at {@code at}; {@code seq} orders reports due at the same time. */
sealed interface ScheduledReport {

    /** When it is due. */
    Instant at();

    /** Tie-break among reports due at the same time: the order in which they were scheduled. */
    long seq();

    /** The order it belongs to, or {@code null} for a rejection (the venue never held that order). */
    TickOrder order();

    /** The order's acknowledgement (or, after a cancel request that came first, its cancellation). */
    record Acknowledge(Instant at, long seq, TickOrder order) implements ScheduledReport {
    }

    /** The venue refuses the order. */
    record Reject(Instant at, long seq, OrderId id, String code, String message) implements ScheduledReport {
        @Override
        public TickOrder order() {
            return null;
        }
    }

    /** A match to report; {@code last} when it completes the order. */
    record Fill(Instant at, long seq, TickOrder order, String fillId, long quantity, long price, long charges,
                boolean last) implements ScheduledReport {
    }

    /** The end of what is left of the order (an IOC remainder). */
    record Cancel(Instant at, long seq, TickOrder order, String reason) implements ScheduledReport {
    }
}
