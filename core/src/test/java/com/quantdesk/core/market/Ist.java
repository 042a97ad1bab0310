package com.quantdesk.core.market;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.time.MarketTime;
import java.time.Instant;
import java.time.LocalDateTime;

/** Test shorthand for IST instants and ticks. */
final class Ist {

    private Ist() {
    }

    /** {@code "2025-01-06T09:15"} in IST. 2025-01-06 is a Monday. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MarketTime.IST).toInstant();
    }

    static Tick tick(String symbol, String localDateTime, long price, long size) {
        return new Tick(Symbol.of(symbol), at(localDateTime), price, size);
    }
}
