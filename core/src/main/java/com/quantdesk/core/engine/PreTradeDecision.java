package com.quantdesk.core.engine;

/**
 * The outcome of a pre-trade check.
 *
 * @param allowed    whether the order may proceed
 * @param reasonCode stable code for a denial, e.g. {@code RISK_MAX_ORDER_VALUE}; empty when allowed
 * @param message    human-readable detail
 * @param limit      the limit that was hit (0 when not numeric)
 * @param attempted  the value the order would have reached (0 when not numeric)
 */
public record PreTradeDecision(boolean allowed, String reasonCode, String message, long limit, long attempted) {

    /** The order may proceed. */
    public static final PreTradeDecision ALLOW = new PreTradeDecision(true, "", "", 0, 0);

    /** A denial with numbers. */
    public static PreTradeDecision deny(String reasonCode, String message, long limit, long attempted) {
        return new PreTradeDecision(false, reasonCode, message, limit, attempted);
    }

    /** A denial without numbers. */
    public static PreTradeDecision deny(String reasonCode, String message) {
        return new PreTradeDecision(false, reasonCode, message, 0, 0);
    }
}
