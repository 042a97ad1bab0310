package com.quantdesk.sim.data;

import java.util.Arrays;

/**
 * Parses the common CSV row straight from bytes: plain ASCII fields, prices as digits with an
 * optional fraction, whole volumes, {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm[:ss]} in IST from
 * 1970 on. Anything else, and every row with an error, is declined ({@link #tryAccept} returns
 * false) and left to the general parser in {@link CsvRows}, which gives the same result more slowly
 * and words every error. One instance per read; not thread-safe.
 */
final class FastCsvRow {

    /** Prices of ₹10^12 or more go to the general parser, which owns the "too large" error. */
    private static final long MAX_RUPEES = 1_000_000_000_000L;
    private static final int IST_OFFSET_SECONDS = 5 * 3600 + 30 * 60;
    private static final int DAILY_BAR_SECOND_OF_DAY = 9 * 3600 + 15 * 60;
    private static final int NO_TIME = -1;

    private static final byte IGNORED = 0;
    private static final byte TIMESTAMP = 1;
    private static final byte TIME_OF_DAY = 2;
    private static final byte OPEN = 3;
    private static final byte HIGH = 4;
    private static final byte LOW = 5;
    private static final byte CLOSE = 6;
    private static final byte VOLUME = 7;

    private final CsvRows rows;
    /** What each column holds, from the layout. */
    private final byte[] roles;
    private final boolean separateTime;
    /** The row's values by role; index 0 is unused. */
    private final long[] values = new long[8];
    private int timestampStart;
    private int timestampEnd;
    private int timeStart;
    private int timeEnd;
    private final byte[] lastDate = new byte[10];
    private long lastDay = Long.MIN_VALUE;
    /** Where the field being parsed has got to. */
    private int cursor;
    private int rounded;

    FastCsvRow(ColumnLayout layout, CsvRows rows) {
        this.rows = rows;
        this.roles = new byte[layout.columns()];
        this.separateTime = layout.timeOfDay() >= 0;
        roles[layout.timestamp()] = TIMESTAMP;
        if (layout.timeOfDay() >= 0) {
            roles[layout.timeOfDay()] = TIME_OF_DAY;
        }
        roles[layout.open()] = OPEN;
        roles[layout.high()] = HIGH;
        roles[layout.low()] = LOW;
        roles[layout.close()] = CLOSE;
        roles[layout.volume()] = VOLUME;
    }

    /**
     * Adds the row starting at {@code b[from]} if it is a well-formed common row that ends (in
     * {@code \n} or {@code \r}) before {@code limit - 1}, so what follows the terminator is known.
     * Each byte is looked at once: the fields are parsed in column order as they are found.
     *
     * @return the index of the row's terminator, or -1 if the row was declined and nothing changed
     */
    int tryAccept(byte[] b, int from, int limit, int line) {
        int last = limit - 1;
        cursor = from;
        rounded = 0;
        for (int column = 0; column < roles.length; column++) {
            byte role = roles[column];
            boolean ok = switch (role) {
                case OPEN, HIGH, LOW, CLOSE -> (values[role] = price(b, last)) > 0;
                case VOLUME -> (values[VOLUME] = volume(b, last)) >= 0;
                default -> text(b, last, role);
            };
            if (!ok || cursor >= last) {
                return -1;
            }
            byte delimiter = b[cursor];
            boolean lastColumn = column == roles.length - 1;
            if (lastColumn ? delimiter != '\n' && delimiter != '\r' : delimiter != ',') {
                return -1;
            }
            cursor++;
        }
        int terminator = cursor - 1;
        return accept(b, line) ? terminator : -1;
    }

    private boolean accept(byte[] b, int line) {
        long seconds = separateTime
                ? dateAndTime(b, timestampStart, timestampEnd, timeStart, timeEnd)
                : dateTime(b, timestampStart, timestampEnd);
        if (seconds == Long.MIN_VALUE || !rows.isAfterPrevious(seconds, 0)) {
            return false;
        }
        long open = values[OPEN];
        long high = values[HIGH];
        long low = values[LOW];
        long close = values[CLOSE];
        if (high < low) {
            return false;
        }
        boolean outside = open < low || open > high || close < low || close > high;
        if (outside) {
            if (rows.ohlcFix != OhlcFix.CLAMP) {
                return false;
            }
            high = Math.max(high, Math.max(open, close));
            low = Math.min(low, Math.min(open, close));
        }
        if (separateTime) {
            byte[] joined = joinedTimestamp(b);
            rows.append(seconds, 0, open, high, low, close, values[VOLUME], rounded, outside, line, joined, 0,
                    joined.length);
        } else {
            rows.append(seconds, 0, open, high, low, close, values[VOLUME], rounded, outside, line, b, timestampStart,
                    timestampEnd);
        }
        return true;
    }

    /**
     * Moves the cursor to the end of a text field, noting its bounds stripped of ASCII white space
     * (as {@link String#strip} strips) for the timestamp or the time of day; false for a non-ASCII
     * byte, which only the general parser decodes. Quotes need no check here: the date parsers
     * decline any byte they do not expect, and an ignored column is ignored either way.
     */
    private boolean text(byte[] b, int last, byte role) {
        int i = cursor;
        int seen = 0;
        while (i < last) {
            byte c = b[i];
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            seen |= c;
            i++;
        }
        int s = cursor;
        int e = i;
        cursor = i;
        while (s < e && isSpace(b[s])) {
            s++;
        }
        while (e > s && isSpace(b[e - 1])) {
            e--;
        }
        if (role == TIMESTAMP) {
            timestampStart = s;
            timestampEnd = e;
        } else if (role == TIME_OF_DAY) {
            timeStart = s;
            timeEnd = e;
        }
        return seen >= 0;
    }

    /** Skips white space around a number, stopping at a line terminator (which is white space too). */
    private void skipSpaces(byte[] b, int last) {
        int i = cursor;
        byte c;
        while (i < last && (c = b[i]) <= ' ' && isSpace(c) && c != '\n' && c != '\r') {
            i++;
        }
        cursor = i;
    }

    /** What {@link Character#isWhitespace} says of an ASCII character, as {@link String#strip} uses it. */
    private static boolean isSpace(byte c) {
        return c <= ' ' && (c == ' ' || (c >= 9 && c <= 13) || c >= 28);
    }

    /** Epoch seconds of {@code yyyy-MM-dd} (09:15 IST) or {@code yyyy-MM-dd[ Tt]HH:mm[:ss]} IST, or MIN_VALUE. */
    private long dateTime(byte[] b, int s, int e) {
        int length = e - s;
        long day = epochDay(b, s, e);
        if (day == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        if (length == 10) {
            return day * 86_400 + DAILY_BAR_SECOND_OF_DAY - IST_OFFSET_SECONDS;
        }
        byte separator = b[s + 10];
        if (separator != ' ' && separator != 'T' && separator != 't') {
            return Long.MIN_VALUE;
        }
        int time = timeOfDay(b, s + 11, e);
        return time == NO_TIME ? Long.MIN_VALUE : day * 86_400 + time - IST_OFFSET_SECONDS;
    }

    private long dateAndTime(byte[] b, int s, int e, int timeStart, int timeEnd) {
        if (e - s != 10) {
            return Long.MIN_VALUE;
        }
        long day = epochDay(b, s, e);
        int time = timeOfDay(b, timeStart, timeEnd);
        return day == Long.MIN_VALUE || time == NO_TIME ? Long.MIN_VALUE
                : day * 86_400 + time - IST_OFFSET_SECONDS;
    }

    /**
     * Days since 1970-01-01 of the {@code yyyy-MM-dd} at {@code s}, or MIN_VALUE. An intraday file
     * repeats each date hundreds of times, so the last date's bytes and day are kept for reuse.
     */
    private long epochDay(byte[] b, int s, int e) {
        if (e - s < 10) {
            return Long.MIN_VALUE;
        }
        if (lastDay != Long.MIN_VALUE && Arrays.equals(b, s, s + 10, lastDate, 0, 10)) {
            return lastDay;
        }
        long day = parseDate(b, s);
        if (day != Long.MIN_VALUE) {
            System.arraycopy(b, s, lastDate, 0, 10);
            lastDay = day;
        }
        return day;
    }

    private static long parseDate(byte[] b, int s) {
        if (b[s + 4] != '-' || b[s + 7] != '-') {
            return Long.MIN_VALUE;
        }
        int century = twoDigits(b, s);
        int yearOfCentury = twoDigits(b, s + 2);
        int year = century < 0 || yearOfCentury < 0 ? -1 : century * 100 + yearOfCentury;
        int month = twoDigits(b, s + 5);
        int day = twoDigits(b, s + 8);
        // India has kept +05:30 since 1945; older dates go through the time-zone rules.
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        return daysSinceEpoch(year, month, day);
    }

    /** Seconds into the day of {@code HH:mm} or {@code HH:mm:ss} filling {@code [s, e)}, or NO_TIME. */
    private static int timeOfDay(byte[] b, int s, int e) {
        int length = e - s;
        if ((length != 5 && length != 8) || b[s + 2] != ':') {
            return NO_TIME;
        }
        int hour = twoDigits(b, s);
        int minute = twoDigits(b, s + 3);
        int second = 0;
        if (length == 8) {
            if (b[s + 5] != ':') {
                return NO_TIME;
            }
            second = twoDigits(b, s + 6);
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NO_TIME;
        }
        return hour * 3600 + minute * 60 + second;
    }

    /** The value of the two ASCII digits at {@code s}, or -1 if either is not a digit. */
    private static int twoDigits(byte[] b, int s) {
        int tens = b[s] - '0';
        int ones = b[s + 1] - '0';
        return (tens | ones) < 0 || tens > 9 || ones > 9 ? -1 : tens * 10 + ones;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Proleptic Gregorian civil date to days since 1970-01-01, counting in 400-year eras from March. */
    static long daysSinceEpoch(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yearOfEra = y - era * 400;
        int shiftedMonth = month > 2 ? month - 3 : month + 9;
        int dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    /**
     * Paise of {@code digits[.digits]} at the cursor, rounded half-even, counting a rounding in
     * {@link #rounded}; -1 for any other form or a value of ₹10^12 or more. Leaves the cursor after
     * the number and any white space following it.
     */
    private long price(byte[] b, int last) {
        skipSpaces(b, last);
        int i = cursor;
        long rupees = 0;
        int d;
        while (i < last && (d = b[i] - '0') >= 0 && d <= 9) {
            rupees = rupees * 10 + d;
            if (rupees >= MAX_RUPEES) {
                return -1;
            }
            i++;
        }
        if (i == cursor) {
            return -1;
        }
        long paise = rupees * 100;
        if (i < last && b[i] == '.') {
            i++;
            int fractionStart = i;
            int kept = 0;
            int firstDropped = 0;
            boolean restNonZero = false;
            while (i < last && (d = b[i] - '0') >= 0 && d <= 9) {
                int position = i - fractionStart;
                if (position < 2) {
                    kept = kept * 10 + d;
                } else if (position == 2) {
                    firstDropped = d;
                } else if (d != 0) {
                    restNonZero = true;
                }
                i++;
            }
            int digits = i - fractionStart;
            if (digits == 0) {
                return -1;
            }
            paise += digits == 1 ? kept * 10 : kept;
            if (firstDropped != 0 || restNonZero) {
                rounded++;
                if (firstDropped > 5 || (firstDropped == 5 && (restNonZero || (paise & 1) == 1))) {
                    paise++;
                }
            }
        }
        cursor = i;
        skipSpaces(b, last);
        return paise;
    }

    /** A whole volume at the cursor, also as {@code digits.000}; -1 for any other form or over 18 digits. */
    private long volume(byte[] b, int last) {
        skipSpaces(b, last);
        int i = cursor;
        long value = 0;
        int d;
        while (i < last && (d = b[i] - '0') >= 0 && d <= 9) {
            if (i - cursor == 18) {
                return -1;
            }
            value = value * 10 + d;
            i++;
        }
        if (i == cursor) {
            return -1;
        }
        if (i < last && b[i] == '.') {
            i++;
            int zeros = i;
            while (i < last && b[i] == '0') {
                i++;
            }
            if (i == zeros || (i < last && b[i] >= '0' && b[i] <= '9')) {
                return -1;
            }
        }
        cursor = i;
        skipSpaces(b, last);
        return value;
    }

    private byte[] joinedTimestamp(byte[] b) {
        int dateLength = timestampEnd - timestampStart;
        int timeLength = timeEnd - timeStart;
        byte[] joined = new byte[dateLength + 1 + timeLength];
        System.arraycopy(b, timestampStart, joined, 0, dateLength);
        joined[dateLength] = ' ';
        System.arraycopy(b, timeStart, joined, dateLength + 1, timeLength);
        return joined;
    }
}
