package com.quantdesk.app.sandbox;

import java.util.Set;

/** Kite's order status names (A.6). */
final class KiteStatus {

    static final String PUT_ORDER_REQ_RECEIVED = "PUT ORDER REQ RECEIVED";
    static final String VALIDATION_PENDING = "VALIDATION PENDING";
    static final String OPEN_PENDING = "OPEN PENDING";
    static final String OPEN = "OPEN";
    static final String TRIGGER_PENDING = "TRIGGER PENDING";
    static final String COMPLETE = "COMPLETE";
    static final String CANCELLED = "CANCELLED";
    static final String REJECTED = "REJECTED";
    static final String CANCEL_PENDING = "CANCEL PENDING";
    static final String MODIFY_VALIDATION_PENDING = "MODIFY VALIDATION PENDING";
    static final String MODIFY_PENDING = "MODIFY PENDING";
    static final String MODIFIED = "MODIFIED";
    /** The postback and ticker pseudo-status of a partial fill or a modification. */
    static final String UPDATE = "UPDATE";

    /** Interim states the OMS passes through; clients are not told of them on the ticker. */
    static final Set<String> INTERIM = Set.of(PUT_ORDER_REQ_RECEIVED, VALIDATION_PENDING, OPEN_PENDING,
            CANCEL_PENDING, MODIFY_VALIDATION_PENDING, MODIFY_PENDING, MODIFIED);

    private KiteStatus() {
    }
}
