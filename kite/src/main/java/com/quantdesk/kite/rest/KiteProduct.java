package com.quantdesk.kite.rest;

/** The Kite products an order may use (kite-connect.md A.5). */
public enum KiteProduct {
    /** Equity delivery. */
    CNC,
    /** Intraday, squared off by the broker. */
    MIS,
    /** Overnight F&amp;O, commodity and currency. */
    NRML;

    /** The Kite product of a core product. */
    public static KiteProduct of(com.quantdesk.core.domain.Product product) {
        return switch (product) {
            case CNC -> CNC;
            case MIS -> MIS;
        };
    }
}
