package com.quantdesk.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** NSE's time zone and session constants. */
public final class MarketTime {

    /** India Standard Time; NSE sessions and bar dates are in it. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /** Normal market open, 09:15 IST. */
    public static final LocalTime OPEN = LocalTime.of(9, 15);

    /** Normal market close, 15:30 IST. */
    public static final LocalTime CLOSE = LocalTime.of(15, 30);

    private MarketTime() {
    }

    /** The IST calendar date of an instant. */
    public static LocalDate tradeDate(Instant instant) {
        return LocalDate.ofInstant(instant, IST);
    }
}
