package com.quantdesk.backtest.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Simple daily returns of an equity curve resampled to IST daily closes.
 *
 * <p>Resampling first makes a minute-bar backtest and a daily-bar backtest of the same trades give
 * the same ratios, and lets {@code 252} annualise both.
 */
final class DailyReturns {

    /** NSE trades on Indian Standard Time, so a trading day is an IST calendar day. */
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private static final long SECONDS_PER_DAY = 86_400;

    /** From this epoch second on IST has no more offset changes (1945-10-14 in the tz database). */
    private static final long FIXED_SINCE;

    /** IST's offset from then on, in seconds: 19,800 (+05:30). */
    private static final long FIXED_OFFSET;

    static {
        ZoneRules rules = IST.getRules();
        List<ZoneOffsetTransition> transitions = rules.getTransitions();
        if (rules.getTransitionRules().isEmpty() && !transitions.isEmpty()) {
            ZoneOffsetTransition last = transitions.getLast();
            FIXED_SINCE = last.getInstant().getEpochSecond();
            FIXED_OFFSET = last.getOffsetAfter().getTotalSeconds();
        } else {
            // A tz database with future IST changes: always ask the rules.
            FIXED_SINCE = Long.MAX_VALUE;
            FIXED_OFFSET = 0;
        }
    }

    private DailyReturns() {
    }

    /**
     * One return per IST calendar day: that day's close (its last point) over the previous day's
     * close, minus one. The first point of the curve is the base of the first return, so
     * compounding all returns gives the total return; a first day holding only the first point has
     * no return. After a close of zero or less the account is ruined and a ratio to it means
     * nothing, so the next day's return is taken as zero.
     *
     * @param curve points in time order, at least one
     */
    static double[] of(List<EquityPoint> curve) {
        return of(EquityCurve.of(curve));
    }

    /** {@link #of(List)} over the curve's columns; the first point must have positive equity. */
    static double[] of(EquityCurve curve) {
        return CurveScan.of(curve).dailyReturns();
    }

    /**
     * The IST calendar day of an instant, as days from 1970-01-01. IST has been a fixed offset since
     * 1945, so the day is plain integer arithmetic there; earlier instants ask the zone rules.
     */
    static long day(long epochSecond) {
        if (epochSecond >= FIXED_SINCE) {
            return Math.floorDiv(epochSecond + FIXED_OFFSET, SECONDS_PER_DAY);
        }
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), IST).toEpochDay();
    }
}
