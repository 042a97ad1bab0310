package com.quantdesk.core.domain;

/** How long an order stays open. */
public enum Validity {
    /** Until filled, cancelled or the end of the trading day. */
    DAY,
    /** Immediate or cancel: whatever does not fill at once is cancelled. */
    IOC
}
