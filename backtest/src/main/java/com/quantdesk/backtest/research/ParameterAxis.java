package com.quantdesk.backtest.research;

import com.quantdesk.core.strategy.ParameterSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The values one strategy parameter takes in a sweep.
 *
 * @param name   the parameter, e.g. {@code fast}
 * @param values its values in the order given, no duplicates
 * @param text   the specification as the user wrote it, for error messages
 */
public record ParameterAxis(String name, List<Double> values, String text) {

    /** Validates the axis. */
    public ParameterAxis {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': no values");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("'" + text + "': a value is listed twice");
        }
    }

    /**
     * Parses {@code name=from..to:step}, {@code name=from..to} (step 1) or {@code name=a,b,c}.
     * Range values are computed in decimal, so {@code 0.1..0.5:0.1} gives exactly five values.
     *
     * @throws IllegalArgumentException quoting {@code text} and saying what is wrong
     */
    public static ParameterAxis parse(String text, int maxValues) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not NAME=FROM..TO:STEP or NAME=A,B,C");
        }
        String name = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        List<Double> values = spec.contains("..") ? range(text, spec, maxValues) : list(text, spec);
        return new ParameterAxis(name, values, text);
    }

    /** Checks every value against the parameter's bounds and kind. */
    void validate(ParameterSpec spec) {
        for (double value : values) {
            try {
                spec.validate(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
            }
        }
    }

    private static List<Double> range(String text, String spec, int maxValues) {
        int dots = spec.indexOf("..");
        int colon = spec.indexOf(':', dots);
        BigDecimal from = number(text, spec.substring(0, dots));
        BigDecimal to = number(text, colon < 0 ? spec.substring(dots + 2) : spec.substring(dots + 2, colon));
        BigDecimal step = colon < 0 ? BigDecimal.ONE : number(text, spec.substring(colon + 1));
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("'" + text + "': the step must be positive");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("'" + text + "': the range ends below its start");
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(maxValues)) > 0) {
            throw new IllegalArgumentException("'" + text + "': " + count.toPlainString()
                    + " values, more than the " + maxValues + " a sweep allows");
        }
        List<Double> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            values.add(v.doubleValue());
        }
        return values;
    }

    private static List<Double> list(String text, String spec) {
        List<Double> values = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            values.add(number(text, part).doubleValue());
        }
        return values;
    }

    private static BigDecimal number(String text, String part) {
        try {
            return new BigDecimal(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': '" + part.trim() + "' is not a number", e);
        }
    }
}
