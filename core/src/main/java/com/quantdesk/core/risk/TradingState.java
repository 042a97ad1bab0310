package com.quantdesk.core.risk;

/** How freely an engine, account or bot may trade. The most restrictive level applies. */
public enum TradingState {
    /** Orders are allowed. */
    ACTIVE,
    /** Only orders that reduce exposure are allowed. */
    REDUCING,
    /** No new orders; cancels are allowed. */
    HALTED;

    /** The more restrictive of this and {@code other}. */
    public TradingState mostRestrictive(TradingState other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
