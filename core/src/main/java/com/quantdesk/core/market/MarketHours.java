package com.quantdesk.core.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * When the market is open: the risk engine's session rules and stale-data alarm, the feeds' silence
 * detection and the synthetic market all ask the same calendar, so a configured holiday means the
 * same thing everywhere.
 */
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

    /** Whether the market opens at all on {@code date} (IST). */
    boolean isTradingDay(LocalDate date);

    /** NSE's normal market, 09:15–15:30 IST, Monday to Friday except {@code holidays}. */
    static MarketHours nse(Set<LocalDate> holidays) {
        return new NseCalendar(holidays);
    }

    /** A market that never closes (and never opened), as a demo feed treats it. */
    static MarketHours always() {
        return Always.INSTANCE;
    }

    /** The market of a demo: open at every instant of every day. */
    enum Always implements MarketHours {
        /** The one instance. */
        INSTANCE;

        @Override
        public Optional<Instant> openSince(Instant time) {
            return Optional.of(Instant.MIN);
        }

        @Override
        public boolean isOpen(Instant time) {
            return true;
        }

        @Override
        public boolean isTradingDay(LocalDate date) {
            return true;
        }
    }
}
