package com.quantdesk.core.domain;

/**
 * The engine's client order id: a positive number drawn from the engine's own sequence, so the
 * same run always produces the same ids.
 *
 * @param value the sequence number, at least one
 */
public record OrderId(long value) implements Comparable<OrderId> {

    /** Validates that the id is positive. */
    public OrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("order id must be positive, was " + value);
        }
    }

    /** The id with the given number. */
    public static OrderId of(long value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId other) {
        return Long.compare(value, other.value);
    }

    // Written out because the record's generated equals goes through a method handle that is slow
    // in the engine's map look-ups; same contract, same hash as the generated one.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof OrderId that && value == that.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return "O" + value;
    }
}
