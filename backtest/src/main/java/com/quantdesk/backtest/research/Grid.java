package com.quantdesk.backtest.research;

import com.quantdesk.core.strategy.ParameterSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameter combinations of a sweep: the cartesian product of its axes. Combination {@code i}
 * is numbered with the last axis varying fastest, so the order does not depend on how the runs are
 * scheduled.
 *
 * @param axes one axis per swept parameter, no parameter twice
 */
public record Grid(List<ParameterAxis> axes) {

    /** The most combinations one sweep may hold. */
    public static final int MAX_COMBINATIONS = 1_000_000;

    /** Validates the grid. */
    public Grid {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one parameter axis");
        }
        Set<String> names = new HashSet<>();
        long size = 1;
        for (ParameterAxis axis : axes) {
            if (!names.add(axis.name())) {
                throw new IllegalArgumentException("'" + axis.text() + "': parameter " + axis.name()
                        + " is swept twice");
            }
            size *= axis.values().size();
            if (size > MAX_COMBINATIONS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_COMBINATIONS + " combinations");
            }
        }
    }

    /** Parses each text with {@link ParameterAxis#parse}. */
    public static Grid parse(List<String> texts) {
        List<ParameterAxis> axes = new ArrayList<>();
        for (String text : texts) {
            axes.add(ParameterAxis.parse(text, MAX_COMBINATIONS));
        }
        return new Grid(axes);
    }

    /**
     * Checks the axes against a strategy's parameters: every name known, every value within its
     * bounds and whole where it must be.
     *
     * @throws IllegalArgumentException quoting the offending axis
     */
    public Grid validate(List<ParameterSpec> specs) {
        for (ParameterAxis axis : axes) {
            Optional<ParameterSpec> spec = specs.stream().filter(s -> s.name().equals(axis.name())).findFirst();
            if (spec.isEmpty()) {
                throw new IllegalArgumentException("'" + axis.text() + "': unknown parameter '" + axis.name()
                        + "'; known: " + String.join(", ", specs.stream().map(ParameterSpec::name).toList()));
            }
            axis.validate(spec.get());
        }
        return this;
    }

    /** The swept parameter names, in axis order. */
    public List<String> names() {
        return axes.stream().map(ParameterAxis::name).toList();
    }

    /** How many combinations there are. */
    public int size() {
        int size = 1;
        for (ParameterAxis axis : axes) {
            size *= axis.values().size();
        }
        return size;
    }

    /** Combination {@code index} ({@code 0 <= index < size()}), parameter name to value in axis order. */
    public Map<String, Double> combination(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        int rest = index;
        int[] positions = new int[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            int n = axes.get(a).values().size();
            positions[a] = rest % n;
            rest /= n;
        }
        for (int a = 0; a < axes.size(); a++) {
            values.put(axes.get(a).name(), axes.get(a).values().get(positions[a]));
        }
        return values;
    }
}
