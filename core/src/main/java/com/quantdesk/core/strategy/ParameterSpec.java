package com.quantdesk.core.strategy;

import java.util.Objects;

/**
 * One tunable parameter of a strategy.
 *
 * @param name         key, e.g. {@code fast}
 * @param description  what it does
 * @param defaultValue value when not given
 * @param min          smallest allowed value
 * @param max          largest allowed value
 * @param integer      whether only whole numbers are allowed
 */
public record ParameterSpec(String name, String description, double defaultValue, double min, double max,
                            boolean integer) {

    /** Validates the specification itself. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("default of " + name + " outside its bounds");
        }
    }

    /** A whole-number parameter. */
    public static ParameterSpec integer(String name, String description, long defaultValue, long min, long max) {
        return new ParameterSpec(name, description, defaultValue, min, max, true);
    }

    /** A real-number parameter. */
    public static ParameterSpec real(String name, String description, double defaultValue, double min, double max) {
        return new ParameterSpec(name, description, defaultValue, min, max, false);
    }

    /**
     * Checks a value against the bounds.
     *
     * @throws IllegalArgumentException naming the parameter, the value and the bounds
     */
    public double validate(double value) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException("parameter " + name + "=" + format(value) + " is outside "
                    + format(min) + ".." + format(max));
        }
        if (integer && value != Math.rint(value)) {
            throw new IllegalArgumentException("parameter " + name + "=" + format(value) + " must be a whole number");
        }
        return value;
    }

    /** Formats a value as the user would type it. */
    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
