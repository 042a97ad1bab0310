package com.quantdesk.core.strategy;

/**
 * Makes a strategy written outside Quantdesk known to it. A class implementing this interface (public,
 * with a public no-argument constructor) is found in a Java file given to {@code --strategy-file} or
 * a bot's {@code strategyFile:}, and, through {@link java.util.ServiceLoader}, in a jar in the
 * {@code strategies/} folder that lists it in {@code META-INF/services/com.quantdesk.core.strategy.StrategyProvider}.
 */
@FunctionalInterface
public interface StrategyProvider {

    /** The strategy's name, parameters with defaults and bounds, and how to build an instance. */
    StrategyDescriptor descriptor();
}
