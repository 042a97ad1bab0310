package com.quantdesk.core.domain;

/** Zerodha product codes for equities. */
public enum Product {
    /** Cash and carry: delivery, no short selling, no leverage. */
    CNC,
    /** Margin intraday square-off: intraday, short selling allowed, closed by 15:20. */
    MIS
}
