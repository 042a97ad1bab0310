package com.quantdesk.core.strategy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named, parameterised strategy that can be instantiated from text parameters.
 *
 * @param name        stable name, e.g. {@code sma-cross}
 * @param description one line on what it does
 * @param parameters  its parameters with defaults and bounds
 * @param factory     builds an instance from validated parameters; throws IllegalArgumentException
 *                    when parameters contradict each other
 */
public record StrategyDescriptor(String name, String description, List<ParameterSpec> parameters,
                                 Function<StrategyParameters, Strategy> factory) {

    /** Validates the descriptor. */
    public StrategyDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(factory, "factory");
    }

    /** Resolves {@code given} against the parameters and builds an instance. */
    public Strategy create(Map<String, String> given) {
        return factory.apply(StrategyParameters.resolve(parameters, given));
    }

    /** Builds an instance from already resolved parameters. */
    public Strategy create(StrategyParameters resolved) {
        return factory.apply(resolved);
    }
}
