package com.quantdesk.sim.data;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where each field of a bar sits in a CSV row: fixed positions for a file without a header, or
 * positions found by name in the header.
 *
 * @param columns   number of columns every row must have
 * @param timestamp column of the date or date-time
 * @param timeOfDay column of a separate time of day (vendors that split date and time), or -1
 * @param open      column of the open
 * @param high      column of the high
 * @param low       column of the low
 * @param close     column of the close
 * @param volume    column of the volume
 */
record ColumnLayout(int columns, int timestamp, int timeOfDay, int open, int high, int low, int close, int volume) {

    /** {@code date-time,open,high,low,close,volume}. */
    static final ColumnLayout POSITIONAL = new ColumnLayout(6, 0, -1, 1, 2, 3, 4, 5);

    /**
     * Whether {@code fields}, the first line, is a header: its price fields are not numbers and its
     * first field is not a timestamp. A data row with one bad price still counts as data, so it gets
     * a precise error instead of a confusing header complaint.
     */
    static boolean isHeader(String[] fields) {
        if (fields.length < 2 || isTimestamp(fields[0])) {
            return false;
        }
        for (int i = 1; i < Math.min(5, fields.length); i++) {
            if (isNumber(fields[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The layout named by {@code header}; unknown columns are ignored.
     *
     * @throws BarFileException if a required column is missing or named twice
     */
    static ColumnLayout fromHeader(String[] header, Path file) {
        int dateTime = -1;
        int date = -1;
        int time = -1;
        int[] prices = {-1, -1, -1, -1, -1};
        String[] priceNames = {"open", "high", "low", "close", "volume"};
        for (int i = 0; i < header.length; i++) {
            String name = normalise(header[i]);
            switch (name) {
                case "datetime", "timestamp" -> dateTime = claim(dateTime, i, name, file);
                case "date" -> date = claim(date, i, name, file);
                case "time" -> time = claim(time, i, name, file);
                case "vol" -> prices[4] = claim(prices[4], i, "volume", file);
                default -> {
                    for (int p = 0; p < priceNames.length; p++) {
                        if (name.equals(priceNames[p])) {
                            prices[p] = claim(prices[p], i, name, file);
                        }
                    }
                }
            }
        }
        for (int p = 0; p < priceNames.length; p++) {
            if (prices[p] < 0) {
                throw new BarFileException(file, 1, "header has no " + priceNames[p] + " column");
            }
        }
        int timestamp;
        int timeOfDay = -1;
        if (dateTime >= 0) {
            timestamp = dateTime;
        } else if (date >= 0) {
            timestamp = date;
            timeOfDay = time;
        } else if (time >= 0) {
            timestamp = time;
        } else {
            throw new BarFileException(file, 1, "header has no date, datetime, timestamp or time column");
        }
        return new ColumnLayout(header.length, timestamp, timeOfDay, prices[0], prices[1], prices[2], prices[3],
                prices[4]);
    }

    /** The timestamp text of {@code row}, joining a separate time-of-day column when there is one. */
    String timestampText(String[] row) {
        return timeOfDay < 0 ? row[timestamp] : row[timestamp] + ' ' + row[timeOfDay];
    }

    private static int claim(int current, int index, String name, Path file) {
        if (current >= 0) {
            throw new BarFileException(file, 1, "header names the " + name + " column twice");
        }
        return index;
    }

    /** Lower case without spaces, underscores or hyphens, so "Date Time" and "date_time" both match. */
    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    private static boolean isTimestamp(String text) {
        try {
            IstTimestamps.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
