package com.quantdesk.kite.rest;

import java.time.Duration;

/** Historical candle intervals and the longest range Kite serves in one request (kite-connect.md A.9). */
public enum CandleInterval {
    /** 1 minute, 60 days per request. */
    MINUTE("minute", 60),
    /** 3 minutes, 100 days per request. */
    THREE_MINUTE("3minute", 100),
    /** 5 minutes, 100 days per request. */
    FIVE_MINUTE("5minute", 100),
    /** 10 minutes, 100 days per request. */
    TEN_MINUTE("10minute", 100),
    /** 15 minutes, 200 days per request. */
    FIFTEEN_MINUTE("15minute", 200),
    /** 30 minutes, 200 days per request. */
    THIRTY_MINUTE("30minute", 200),
    /** 60 minutes, 400 days per request. */
    SIXTY_MINUTE("60minute", 400),
    /** 1 day, 2,000 days per request. */
    DAY("day", 2000);

    private final String wireName;
    private final Duration maxSpan;

    CandleInterval(String wireName, int maxDays) {
        this.wireName = wireName;
        this.maxSpan = Duration.ofDays(maxDays);
    }

    /** The name in the URL, e.g. {@code 5minute}. */
    public String wireName() {
        return wireName;
    }

    /** The longest {@code to - from} of one request. */
    public Duration maxSpan() {
        return maxSpan;
    }
}
