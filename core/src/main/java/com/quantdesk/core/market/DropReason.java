package com.quantdesk.core.market;

/** Why {@link TickFilter} dropped a tick. */
public enum DropReason {

    /** The price was zero or negative. */
    NON_POSITIVE_PRICE,

    /** The tick's time was before the last accepted tick of its symbol. */
    OUT_OF_ORDER,

    /** Same time, price and size as the last accepted tick of its symbol: a re-delivery. */
    DUPLICATE,

    /** The move from the last accepted price was far beyond the symbol's recent volatility. */
    SPIKE
}
