package com.quantdesk.core.domain;

/** Direction of an order or a fill. */
public enum Side {
    /** Buy: increases a long position or reduces a short one. */
    BUY,
    /** Sell: reduces a long position or opens/increases a short one. */
    SELL;

    /** {@code +1} for buys, {@code -1} for sells. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    /** The opposite side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
