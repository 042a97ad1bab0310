package com.quantdesk.core.domain;

/** Order types as NSE and Kite name them. */
public enum OrderType {
    /** Fill at the best available price. */
    MARKET(false, false),
    /** Fill at the limit price or better. */
    LIMIT(true, false),
    /** Stop-limit: becomes a limit order once the trigger price trades. */
    SL(true, true),
    /** Stop-market: becomes a market order once the trigger price trades. */
    SL_M(false, true);

    private final boolean needsLimitPrice;
    private final boolean needsTriggerPrice;

    OrderType(boolean needsLimitPrice, boolean needsTriggerPrice) {
        this.needsLimitPrice = needsLimitPrice;
        this.needsTriggerPrice = needsTriggerPrice;
    }

    /** Whether an order of this type carries a limit price. */
    public boolean needsLimitPrice() {
        return needsLimitPrice;
    }

    /** Whether an order of this type carries a trigger price. */
    public boolean needsTriggerPrice() {
        return needsTriggerPrice;
    }

    /** The name used on the wire and in files: {@code SL-M} for {@link #SL_M}. */
    public String wireName() {
        return this == SL_M ? "SL-M" : name();
    }

    /** Parses a wire name such as {@code SL-M} or {@code limit}. */
    public static OrderType parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return valueOf(t);
    }
}
