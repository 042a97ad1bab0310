package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bars of one symbol from a CSV file.
 *
 * <p>Columns are a date or date-time in IST ({@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm[:ss]},
 * with a space or {@code T}, optionally with an offset), open, high, low and close in rupees, and an
 * integer volume. The first line is a header if its price fields are not numbers; with a header the
 * columns are found by name (date/datetime/timestamp/time, open, high, low, close, volume, in any
 * case and order) and other columns are ignored. A daily row (date only) gets the time 09:15 IST.
 *
 * <p>Prices are rounded half-even to the paisa and the number of values that needed it is
 * reported in {@link BarFile#roundedValues()}. Any bad row fails the whole read with a
 * {@link BarFileException} naming file, line and reason, unless {@link #skipBadRows(boolean)} is
 * on, in which case it is skipped and reported in {@link BarFile#skipped()}. Problems with the file
 * as a whole (empty, unusable header, unreadable) always fail. Immutable and thread-safe.
 */
public final class CsvBarReader {

    /** No listed share trades anywhere near ₹10^12; larger values are corrupt data. */
    private static final BigDecimal MAX_RUPEES = BigDecimal.TEN.pow(12);

    private final boolean skipBadRows;

    /** A reader that fails on the first bad row. */
    public CsvBarReader() {
        this(false);
    }

    private CsvBarReader(boolean skipBadRows) {
        this.skipBadRows = skipBadRows;
    }

    /** A reader that skips bad rows (collecting a warning for each) when {@code skip} is true. */
    public CsvBarReader skipBadRows(boolean skip) {
        return new CsvBarReader(skip);
    }

    /** Whether bad rows are skipped instead of failing the read. */
    public boolean skipsBadRows() {
        return skipBadRows;
    }

    /**
     * Reads {@code file} for the symbol named by the file (see {@link #symbolOf(Path)}).
     *
     * @throws BarFileException if the file cannot be read or, when not skipping, a row is bad
     */
    public BarFile read(Path file) {
        return read(file, symbolOf(file));
    }

    /**
     * Reads {@code file} as the bars of {@code symbol}.
     *
     * @throws BarFileException if the file cannot be read or, when not skipping, a row is bad
     */
    public BarFile read(Path file, Symbol symbol) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, symbol, reader);
        } catch (IOException e) {
            throw new BarFileException(file, 0, "cannot read: " + e, e);
        }
    }

    /**
     * The symbol a file name stands for: the name up to the first {@code '_'} or {@code '.'},
     * upper-cased ({@code reliance.csv} and {@code RELIANCE_1d.csv} are both RELIANCE).
     *
     * @throws BarFileException if that part is not a valid symbol
     */
    public static Symbol symbolOf(Path file) {
        String name = String.valueOf(file.getFileName());
        int end = name.length();
        for (char separator : new char[] {'_', '.'}) {
            int at = name.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        try {
            return Symbol.of(name.substring(0, end));
        } catch (IllegalArgumentException e) {
            throw new BarFileException(file, 0, "cannot take a symbol from the file name: " + e.getMessage(), e);
        }
    }

    private BarFile read(Path file, Symbol symbol, BufferedReader reader) throws IOException {
        Rows rows = new Rows(file, symbol);
        ColumnLayout layout = null;
        int lineNumber = 0;
        boolean dataRowSeen = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                // Spreadsheet exports often start with a UTF-8 byte-order mark.
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(line);
            if (layout == null) {
                layout = ColumnLayout.isHeader(fields) ? ColumnLayout.fromHeader(fields, file) : ColumnLayout.POSITIONAL;
                if (layout != ColumnLayout.POSITIONAL) {
                    continue;
                }
            }
            dataRowSeen = true;
            try {
                rows.accept(layout, fields, lineNumber);
            } catch (BarFileException e) {
                if (!skipBadRows) {
                    throw e;
                }
                rows.skipped.add(e.getMessage());
            }
        }
        if (layout == null) {
            throw new BarFileException(file, 0, "empty file");
        }
        if (!dataRowSeen) {
            throw new BarFileException(file, 0, "no rows after the header");
        }
        return new BarFile(symbol, file, rows.bars, rows.roundedValues, rows.skipped);
    }

    private static String[] split(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].strip();
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                field = field.substring(1, field.length() - 1).strip();
            }
            fields[i] = field;
        }
        return fields;
    }

    /** The rows accepted so far; bars only leave through a complete {@link BarFile}. */
    private static final class Rows {

        private final Path file;
        private final Symbol symbol;
        private final List<Bar> bars = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private int roundedValues;
        private Instant previousTime;
        private String previousText;
        private int previousLine;

        Rows(Path file, Symbol symbol) {
            this.file = file;
            this.symbol = symbol;
        }

        void accept(ColumnLayout layout, String[] fields, int line) {
            if (fields.length != layout.columns()) {
                throw error(line, "wrong number of columns: expected " + layout.columns() + ", found " + fields.length);
            }
            String timeText = layout.timestampText(fields);
            Instant time = parseTime(timeText, line);
            RowPrices prices = new RowPrices();
            long open = prices.parse("open", fields[layout.open()], line);
            long high = prices.parse("high", fields[layout.high()], line);
            long low = prices.parse("low", fields[layout.low()], line);
            long close = prices.parse("close", fields[layout.close()], line);
            long volume = parseVolume(fields[layout.volume()], line);
            if (high < low) {
                throw error(line, "high " + Paise.format(high) + " < low " + Paise.format(low));
            }
            checkWithinRange("open", open, low, high, line);
            checkWithinRange("close", close, low, high, line);
            if (previousTime != null && !time.isAfter(previousTime)) {
                throw error(line, time.equals(previousTime)
                        ? "duplicate timestamp " + timeText + " (also on line " + previousLine + ")"
                        : "timestamp " + timeText + " out of order: before " + previousText + " on line " + previousLine);
            }
            bars.add(new Bar(symbol, time, open, high, low, close, volume));
            roundedValues += prices.rounded;
            previousTime = time;
            previousText = timeText;
            previousLine = line;
        }

        private Instant parseTime(String text, int line) {
            try {
                return IstTimestamps.parse(text);
            } catch (DateTimeException e) {
                throw error(line, "bad date '" + text + "'");
            }
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

        private BarFileException error(int line, String reason) {
            return new BarFileException(file, line, reason);
        }

        /** Parses the prices of one row and counts those that had to be rounded. */
        private final class RowPrices {

            private int rounded;

            long parse(String column, String text, int line) {
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
                    rounded++;
                }
                return paise;
            }
        }
    }
}
