package com.quantdesk.kite.rest;

import java.util.regex.Pattern;

/**
 * Kite's id of an order, e.g. {@code 151220000000000}; distinct from our client order id, which
 * travels as the {@link OrderTag}.
 *
 * @param value the id text
 */
public record KiteOrderId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]{1,40}");

    /** Validates the id (it becomes part of a URL path). */
    public KiteOrderId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid Kite order id '" + value + "'");
        }
    }

    /** The id {@code value}. */
    public static KiteOrderId of(String value) {
        return new KiteOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
