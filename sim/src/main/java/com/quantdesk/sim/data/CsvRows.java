package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Paise;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one CSV file accepted so far, and the general parser of a row from its text fields.
 * {@link FastCsvRow} adds the common rows straight from bytes through {@link #append}; every row it
 * does not take on (an unusual number or date form, or any error) comes here as text, so each error
 * has one wording, made in one place.
 */
final class CsvRows {

    /** No listed share trades anywhere near ₹10^12; larger values are corrupt data. */
    private static final BigDecimal MAX_RUPEES = BigDecimal.TEN.pow(12);

    final BarColumns columns;
    final List<String> skipped = new ArrayList<>();
    final OhlcFix ohlcFix;
    int roundedValues;
    int widenedRows;

    private final Path file;
    private long previousSeconds = Long.MIN_VALUE;
    private int previousNano;
    private boolean hasPrevious;
    private byte[] previousText = new byte[32];
    private int previousTextLength;
    private int previousLine;

    CsvRows(Path file, OhlcFix ohlcFix, int capacity) {
        this.columns = new BarColumns(capacity);
        this.file = file;
        this.ohlcFix = ohlcFix;
    }

    /** Whether a bar at {@code seconds}/{@code nano} would come strictly after the last one accepted. */
    boolean isAfterPrevious(long seconds, int nano) {
        return !hasPrevious || seconds > previousSeconds || (seconds == previousSeconds && nano > previousNano);
    }

    /**
     * Adds a row whose values are already checked: positive prices, high at least low, open and close
     * within high-low (or {@code widened} when clamping), a time after the previous row's.
     * {@code text[from, to)} is the row's timestamp as written, kept for a later row's error message.
     */
    void append(long seconds, int nano, long open, long high, long low, long close, long volume, int rounded,
                boolean widened, int line, byte[] text, int from, int to) {
        columns.add(seconds, nano, open, high, low, close, volume);
        roundedValues += rounded;
        if (widened) {
            widenedRows++;
        }
        hasPrevious = true;
        previousSeconds = seconds;
        previousNano = nano;
        previousLine = line;
        int length = to - from;
        if (previousText.length < length) {
            previousText = Arrays.copyOf(previousText, Math.max(length, previousText.length * 2));
        }
        System.arraycopy(text, from, previousText, 0, length);
        previousTextLength = length;
    }

    /**
     * Parses and adds one row given as text fields.
     *
     * @throws BarFileException naming the line and the reason if the row is bad
     */
    void accept(ColumnLayout layout, String[] fields, int line) {
        if (fields.length != layout.columns()) {
            throw error(line, "wrong number of columns: expected " + layout.columns() + ", found " + fields.length);
        }
        String timeText = layout.timestampText(fields);
        Instant time = parseTime(timeText, line);
        int[] rounded = {0};
        long open = price("open", fields[layout.open()], line, rounded);
        long high = price("high", fields[layout.high()], line, rounded);
        long low = price("low", fields[layout.low()], line, rounded);
        long close = price("close", fields[layout.close()], line, rounded);
        long volume = parseVolume(fields[layout.volume()], line);
        if (high < low) {
            throw error(line, "high " + Paise.format(high) + " < low " + Paise.format(low));
        }
        boolean widened = false;
        if (ohlcFix == OhlcFix.CLAMP) {
            widened = open < low || open > high || close < low || close > high;
            high = Math.max(high, Math.max(open, close));
            low = Math.min(low, Math.min(open, close));
        } else {
            checkWithinRange("open", open, low, high, line);
            checkWithinRange("close", close, low, high, line);
        }
        if (!isAfterPrevious(time.getEpochSecond(), time.getNano())) {
            String previous = new String(previousText, 0, previousTextLength, StandardCharsets.UTF_8);
            throw error(line, time.getEpochSecond() == previousSeconds && time.getNano() == previousNano
                    ? "duplicate timestamp " + timeText + " (also on line " + previousLine + ")"
                    : "timestamp " + timeText + " out of order: before " + previous + " on line " + previousLine);
        }
        byte[] text = timeText.getBytes(StandardCharsets.UTF_8);
        append(time.getEpochSecond(), time.getNano(), open, high, low, close, volume, rounded[0], widened, line,
                text, 0, text.length);
    }

    /** Records a row skipped because of {@code problem}. */
    void skip(BarFileException problem) {
        skipped.add(problem.getMessage());
    }

    BarFileException error(int line, String reason) {
        return new BarFileException(file, line, reason);
    }

    private Instant parseTime(String text, int line) {
        try {
            return IstTimestamps.parse(text);
        } catch (DateTimeException e) {
            throw error(line, "bad date '" + text + "'");
        }
    }

    private long price(String column, String text, int line, int[] rounded) {
        BigDecimal rupees = number(column, text, line);
        // Checked before rounding: rounding "1e999999999" to paise would build a huge number.
        if (rupees.abs().compareTo(MAX_RUPEES) > 0) {
            throw error(line, column + " '" + text + "' is too large");
        }
        long paise = Paise.fromRupees(rupees);
        if (paise <= 0) {
            throw error(line, "non-positive " + column + " '" + text + "'");
        }
        if (rupees.stripTrailingZeros().scale() > 2) {
            rounded[0]++;
        }
        return paise;
    }

    private long parseVolume(String text, int line) {
        BigDecimal value = number("volume", text, line);
        if (value.signum() < 0) {
            throw error(line, "negative volume '" + text + "'");
        }
        try {
            // Vendors write volumes as floats ("1234.0"); a real fraction is still an error.
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw error(line, "volume '" + text + "' is not a whole number");
        }
    }

    private void checkWithinRange(String column, long price, long low, long high, int line) {
        if (price < low || price > high) {
            throw error(line, column + " " + Paise.format(price) + " outside high-low "
                    + Paise.format(low) + "-" + Paise.format(high));
        }
    }

    private BigDecimal number(String column, String text, int line) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(line, "non-numeric " + column + " '" + text + "'");
        }
    }
}
