package com.quantdesk.core.domain;

/**
 * A positive number of shares or units.
 *
 * @param value number of units, at least one
 */
public record Quantity(long value) {

    /** Validates that the quantity is positive. */
    public Quantity {
        if (value <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + value);
        }
    }

    /** A quantity of {@code value} units. */
    public static Quantity of(long value) {
        return new Quantity(value);
    }

    /** Whether this quantity is a whole number of lots. */
    public boolean isMultipleOf(long lotSize) {
        return value % lotSize == 0;
    }
}
