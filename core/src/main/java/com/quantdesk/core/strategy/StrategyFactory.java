package com.quantdesk.core.strategy;

import java.util.Map;

/** Builds a strategy from its catalog name and text parameters, as a bot's definition gives them. */
@FunctionalInterface
public interface StrategyFactory {

    /**
     * A new strategy instance.
     *
     * @throws IllegalArgumentException naming the problem when the strategy is unknown or a
     *                                  parameter is invalid
     */
    Strategy create(String name, Map<String, String> params);
}
