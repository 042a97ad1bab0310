package com.quantdesk.app.strategies;

import com.quantdesk.core.strategy.StrategyDescriptor;
import java.util.Objects;

/**
 * A strategy that came from outside Quantdesk.
 *
 * @param descriptor its name, parameters and factory
 * @param source     where it came from, for messages: the Java file or the jar
 */
public record UserStrategy(StrategyDescriptor descriptor, String source) {

    /** Validates the strategy. */
    public UserStrategy {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(source, "source");
    }

    /** The strategy's name. */
    public String name() {
        return descriptor.name();
    }
}
