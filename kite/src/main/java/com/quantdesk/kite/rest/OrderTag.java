package com.quantdesk.kite.rest;

import com.quantdesk.core.domain.OrderId;
import java.util.regex.Pattern;

/**
 * Our client order id as Kite's {@code tag}: 1–20 letters and digits. Every order carries one, so
 * an order whose answer was lost can be found again in the order book.
 *
 * @param value the tag text
 */
public record OrderTag(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]{1,20}");

    /** Validates the tag. */
    public OrderTag {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("order tag must be 1-20 letters or digits, was '" + value + "'");
        }
    }

    /** The tag of an engine order id: {@code QD} and the number, e.g. {@code QD42}. */
    public static OrderTag of(OrderId id) {
        return new OrderTag("QD" + id.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
