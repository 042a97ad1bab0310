package com.quantdesk.backtest.research;

import com.quantdesk.backtest.metrics.PerformanceMetrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One combination of a sweep that ran.
 *
 * @param index       its number in the grid
 * @param parameters  every strategy parameter it ran with, in declaration order
 * @param metrics     its performance
 * @param finalEquity equity at the end of the run, paise
 * @param orders      orders it placed
 */
public record SweepRow(int index, Map<String, Double> parameters, PerformanceMetrics metrics, long finalEquity,
                       int orders) {

    /** Copies the parameters. */
    public SweepRow {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
