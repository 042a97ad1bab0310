package com.quantdesk.backtest.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * The account's value after one bar time: one point of the equity curve.
 *
 * @param time               the bar time the point was taken at
 * @param equityPaise        cash plus open positions marked to the bar's close, in paise; may be zero
 *                           or negative once the account is ruined
 * @param grossExposurePaise sum of the absolute marked values of open positions, in paise; zero when
 *                           flat
 */
public record EquityPoint(Instant time, long equityPaise, long grossExposurePaise) {

    /** Validates the point: a time is required and gross exposure cannot be negative. */
    public EquityPoint {
        Objects.requireNonNull(time, "time");
        if (grossExposurePaise < 0) {
            throw new IllegalArgumentException("gross exposure must not be negative, was "
                    + grossExposurePaise + " at " + time);
        }
    }
}
