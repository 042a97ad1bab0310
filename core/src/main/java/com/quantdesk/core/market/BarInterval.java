package com.quantdesk.core.market;

import com.quantdesk.core.time.MarketTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The length of a bar and the grid its bars sit on, in IST.
 *
 * <p>Intraday bars (1 to 375 whole minutes) are aligned to the 09:15 session open: 5-minute bars
 * start 09:15, 09:20, …; hourly bars start 09:15, 10:15, …, 15:15, and the last one is cut short
 * at the 15:30 close, as NSE's are. Outside the session (a demo feed ticks at any hour) the grid
 * continues backwards from 09:15 and forwards from 15:30, and no bar crosses IST midnight.
 *
 * <p>Daily bars hold one IST calendar day, are stamped 09:15 of that day, and end at midnight, so
 * a late print after the close still lands in its day's bar.
 *
 * <p>All boundaries are whole seconds, so the {@code long} second methods are exact for any
 * instant: a tick at 09:19:59.999 has epoch second 09:19:59 and belongs to the 09:15 bar.
 *
 * @param length one day, or 1 to 375 whole minutes
 */
public record BarInterval(Duration length) implements Comparable<BarInterval> {

    // Declared before the public constants, whose construction reads them.
    private static final long DAY = 86_400;
    private static final long OPEN = MarketTime.OPEN.toSecondOfDay();
    private static final long CLOSE = MarketTime.CLOSE.toSecondOfDay();
    private static final long OFFSET = MarketTime.IST_OFFSET_SECONDS;

    /** One-minute bars. */
    public static final BarInterval ONE_MINUTE = ofMinutes(1);
    /** Five-minute bars. */
    public static final BarInterval FIVE_MINUTES = ofMinutes(5);
    /** Fifteen-minute bars. */
    public static final BarInterval FIFTEEN_MINUTES = ofMinutes(15);
    /** Hourly bars: 09:15, 10:15, …, 15:15 (a 15-minute last bar). */
    public static final BarInterval ONE_HOUR = ofMinutes(60);
    /** Daily bars stamped 09:15 IST. */
    public static final BarInterval ONE_DAY = new BarInterval(Duration.ofDays(1));

    /** Validates the length. */
    public BarInterval {
        Objects.requireNonNull(length, "length");
        boolean daily = length.equals(Duration.ofDays(1));
        boolean minutes = length.toNanosPart() == 0 && length.toSecondsPart() == 0
                && length.toMinutes() >= 1 && length.toMinutes() <= CLOSE / 60 - OPEN / 60;
        if (!daily && !minutes) {
            throw new IllegalArgumentException("bar interval must be one day or 1 to 375 whole minutes, was " + length);
        }
    }

    /** Bars of {@code minutes} minutes (1 to 375). */
    public static BarInterval ofMinutes(int minutes) {
        return new BarInterval(Duration.ofMinutes(minutes));
    }

    /** Whether these are daily bars. */
    public boolean isDaily() {
        return length.getSeconds() == DAY;
    }

    /**
     * The first second of the bucket holding {@code epochSecond}; ticks before it belong to an
     * earlier bar. For daily bars this is IST midnight, not the 09:15 stamp.
     */
    public long bucketStart(long epochSecond) {
        long local = epochSecond + OFFSET;
        long midnight = Math.floorDiv(local, DAY) * DAY;
        long sod = local - midnight;
        long len = length.getSeconds();
        long start;
        if (isDaily()) {
            start = 0;
        } else if (sod >= CLOSE) {
            start = CLOSE + (sod - CLOSE) / len * len;
        } else if (sod >= OPEN) {
            start = OPEN + (sod - OPEN) / len * len;
        } else {
            start = Math.max(0, OPEN - Math.ceilDiv(OPEN - sod, len) * len);
        }
        return midnight + start - OFFSET;
    }

    /** The second the bucket holding {@code epochSecond} ends (exclusive). */
    public long bucketEnd(long epochSecond) {
        long local = epochSecond + OFFSET;
        long midnight = Math.floorDiv(local, DAY) * DAY;
        long sod = local - midnight;
        long len = length.getSeconds();
        long end;
        if (isDaily()) {
            end = DAY;
        } else if (sod >= CLOSE) {
            end = Math.min(DAY, CLOSE + ((sod - CLOSE) / len + 1) * len);
        } else if (sod >= OPEN) {
            end = Math.min(CLOSE, OPEN + ((sod - OPEN) / len + 1) * len);
        } else {
            end = OPEN - (Math.ceilDiv(OPEN - sod, len) - 1) * len;
        }
        return midnight + end - OFFSET;
    }

    /** The time a bar of the bucket starting at {@code bucketStart} is stamped with. */
    public long stamp(long bucketStart) {
        return isDaily() ? bucketStart + OPEN : bucketStart;
    }

    /** The stamp of the bar that a tick at {@code time} belongs to. */
    public Instant barTime(Instant time) {
        return Instant.ofEpochSecond(stamp(bucketStart(time.getEpochSecond())));
    }

    @Override
    public int compareTo(BarInterval other) {
        return length.compareTo(other.length);
    }

    /** {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d} and the like. */
    @Override
    public String toString() {
        if (isDaily()) {
            return "1d";
        }
        long minutes = length.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
