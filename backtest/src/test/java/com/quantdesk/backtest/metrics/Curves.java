package com.quantdesk.backtest.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builds equity curves for tests. */
final class Curves {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    private Curves() {
    }

    /** The NSE close (15:30 IST) {@code days} after 1 January 2024. */
    static Instant close(int days) {
        return at(days, 15, 30);
    }

    /** {@code hour:minute} IST, {@code days} after 1 January 2024. */
    static Instant at(int days, int hour, int minute) {
        return MONDAY.plusDays(days).atTime(LocalTime.of(hour, minute)).atZone(IST).toInstant();
    }

    /** One point per day at the close, flat (no exposure). */
    static List<EquityPoint> daily(long... equities) {
        List<EquityPoint> curve = new ArrayList<>();
        for (int i = 0; i < equities.length; i++) {
            curve.add(new EquityPoint(close(i), equities[i], 0));
        }
        return curve;
    }
}
