package com.quantdesk.backtest.report;

import java.util.Objects;

/**
 * How long the stages of one backtest run took, as the process saw them.
 *
 * @param barSource      where the bars came from: {@code csv}, {@code cache}, {@code csv+cache} or {@code synthetic}
 * @param readSeconds    reading the bars (parsing CSV or loading the bar cache, or generating them)
 * @param engineSeconds  replaying the bars through the engine, up to the last bar
 * @param metricsSeconds closing the run and computing the performance metrics
 * @param reportSeconds  printing the summary and writing the HTML report (the JSON cannot time its own writing)
 */
public record RunTiming(String barSource, double readSeconds, double engineSeconds, double metricsSeconds,
                        double reportSeconds) {

    /** Validates. */
    public RunTiming {
        Objects.requireNonNull(barSource, "barSource");
        for (double seconds : new double[] {readSeconds, engineSeconds, metricsSeconds, reportSeconds}) {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("seconds must be non-negative, was " + seconds);
            }
        }
    }
}
