package com.quantdesk.backtest;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.time.MarketTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-made daily bars for backtest tests: one bar a calendar day, stamped 09:15 IST. */
final class Bars {

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private Bars() {
    }

    /** The time of the bar with zero-based index {@code i}. */
    static Instant day(int i) {
        return FIRST_DAY.plusDays(i).atTime(MarketTime.OPEN).atZone(MarketTime.IST).toInstant();
    }

    /** One bar; the range is the open and close widened by a rupee each way. */
    static Bar bar(Symbol symbol, int i, long open, long close) {
        return new Bar(symbol, day(i), open, Math.max(open, close) + 1_00, Math.min(open, close) - 1_00, close,
                1_000_000);
    }

    /** One bar with an explicit range. */
    static Bar bar(Symbol symbol, int i, long open, long high, long low, long close) {
        return new Bar(symbol, day(i), open, high, low, close, 1_000_000);
    }

    /**
     * Daily bars from closes given in whole rupees; bar i opens at its close − ₹0.50 + i paise, so
     * every open is distinct and a fill price tells which bar it came from.
     */
    static List<Bar> fromRupeeCloses(Symbol symbol, long... closesRupees) {
        List<Bar> bars = new ArrayList<>(closesRupees.length);
        for (int i = 0; i < closesRupees.length; i++) {
            long close = closesRupees[i] * 100;
            bars.add(bar(symbol, i, openOf(close, i), close));
        }
        return bars;
    }

    /** The open {@link #fromRupeeCloses} gives bar i with the given close in paise. */
    static long openOf(long closePaise, int i) {
        return closePaise - 50 + i;
    }
}
