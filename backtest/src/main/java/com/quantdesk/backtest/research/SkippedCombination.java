package com.quantdesk.backtest.research;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A combination the strategy refused to build, such as {@code fast >= slow}.
 *
 * @param index      its number in the grid
 * @param parameters the swept values
 * @param reason     the strategy's message
 */
public record SkippedCombination(int index, Map<String, Double> parameters, String reason) {

    /** Copies the parameters. */
    public SkippedCombination {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
