package com.quantdesk.server.trading;

import java.math.BigDecimal;

/** Paise as the API shows them: exact rupee decimals with two places. */
public final class Rupees {

    private Rupees() {
    }

    /** {@code paise} as rupees, e.g. 152005 → 1520.05. */
    public static BigDecimal of(long paise) {
        return BigDecimal.valueOf(paise, 2);
    }
}
