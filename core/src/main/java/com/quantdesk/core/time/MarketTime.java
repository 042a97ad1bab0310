package com.quantdesk.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** NSE's time zone and session constants. */
public final class MarketTime {

    /** India Standard Time; NSE sessions and bar dates are in it. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /** IST is UTC+05:30 all year (India has no daylight saving time). */
    public static final int IST_OFFSET_SECONDS = 5 * 3600 + 30 * 60;

    /** Normal market open, 09:15 IST. */
    public static final LocalTime OPEN = LocalTime.of(9, 15);

    /** Normal market close, 15:30 IST. */
    public static final LocalTime CLOSE = LocalTime.of(15, 30);

    private MarketTime() {
    }

    /** The IST calendar day of an instant as days since 1970-01-01, cheap enough for per-bar use. */
    public static long tradeEpochDay(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() + IST_OFFSET_SECONDS, 86_400L);
    }

    /** The IST calendar date of an instant. */
    public static LocalDate tradeDate(Instant instant) {
        return LocalDate.ofInstant(instant, IST);
    }
}
