package com.quantdesk.core.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * When the market is open, for judging whether silence from a feed means anything.
 */
@FunctionalInterface
public interface MarketHours {

    /**
     * The instant the open period containing {@code time} began, or empty if the market is closed
     * at {@code time}.
     */
    Optional<Instant> openSince(Instant time);

    /** Whether the market is open at {@code time}. */
    default boolean isOpen(Instant time) {
        return openSince(time).isPresent();
    }

    /** NSE's normal market, 09:15–15:30 IST, Monday to Friday except {@code holidays}. */
    static MarketHours nse(Set<LocalDate> holidays) {
        return new NseMarketHours(holidays);
    }

    /** A market that never closes (and never opened), as a demo feed treats it. */
    static MarketHours always() {
        return time -> Optional.of(Instant.MIN);
    }
}
