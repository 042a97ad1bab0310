package com.quantdesk.core.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validated parameter values of one strategy instance: every declared parameter has a value. */
public final class StrategyParameters {

    private final Map<String, Double> values;

    private StrategyParameters(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Validates {@code given} (text values as a user typed them) against {@code specs} and fills in
     * defaults.
     *
     * @throws IllegalArgumentException naming the parameter when one is unknown, not a number or out of bounds
     */
    public static StrategyParameters resolve(List<ParameterSpec> specs, Map<String, String> given) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(key))) {
                throw new IllegalArgumentException("unknown parameter '" + key + "'; known: "
                        + String.join(", ", specs.stream().map(ParameterSpec::name).toList()));
            }
        }
        for (ParameterSpec spec : specs) {
            String text = given.get(spec.name());
            double value = spec.defaultValue();
            if (text != null) {
                try {
                    value = Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("parameter " + spec.name() + "='" + text + "' is not a number");
                }
            }
            values.put(spec.name(), spec.validate(value));
        }
        return new StrategyParameters(values);
    }

    /** Defaults for every parameter. */
    public static StrategyParameters defaults(List<ParameterSpec> specs) {
        return resolve(specs, Map.of());
    }

    /** A real-valued parameter. */
    public double real(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return value;
    }

    /** A whole-number parameter. */
    public int integer(String name) {
        return (int) real(name);
    }

    /** A whole-number parameter as a long. */
    public long whole(String name) {
        return (long) real(name);
    }

    /** All values, in declaration order. */
    public Map<String, Double> asMap() {
        return values;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=')
                .append(ParameterSpec.format(v)));
        return sb.toString();
    }
}
