package com.quantdesk.core.indicator;

/** Validation shared by the indicators' constructors and update methods. */
final class Inputs {

    private Inputs() {
    }

    /** Returns {@code value}, or throws if it is not a usable period. */
    static int requirePeriod(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or throws naming the input if it is NaN or infinite. */
    static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
        return value;
    }

    /** Adds one to an update counter, saturating so that readiness never flips back on overflow. */
    static int increment(int count) {
        return count == Integer.MAX_VALUE ? count : count + 1;
    }
}
