package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;

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
 * as a whole (empty, unusable header, unreadable) always fail. Open or close outside high-low is a
 * bad row unless {@link #ohlcFix(OhlcFix)} is {@link OhlcFix#CLAMP}, which widens high and low and
 * counts the row in {@link BarFile#widenedRows()}.
 *
 * <p>The file is read in large blocks and the common row (plain numbers, ISO dates) is parsed from
 * bytes without building strings; any other row takes the general path, which words every error.
 * Immutable and thread-safe.
 */
public final class CsvBarReader {

    /** Rows longer than this always take the general path; real rows are under a hundred bytes. */
    private static final int FAST_ROW_WINDOW = 4096;

    private final boolean skipBadRows;
    private final OhlcFix ohlcFix;
    private final boolean fromBytes;

    /** A reader that fails on the first bad row and on open or close outside high-low. */
    public CsvBarReader() {
        this(false, OhlcFix.STRICT, true);
    }

    private CsvBarReader(boolean skipBadRows, OhlcFix ohlcFix, boolean fromBytes) {
        this.skipBadRows = skipBadRows;
        this.ohlcFix = Objects.requireNonNull(ohlcFix, "ohlcFix");
        this.fromBytes = fromBytes;
    }

    /** This reader with every row through the general parser: the reference the byte path is tested against. */
    CsvBarReader generalParserOnly() {
        return new CsvBarReader(skipBadRows, ohlcFix, false);
    }

    /** A reader that skips bad rows (collecting a warning for each) when {@code skip} is true. */
    public CsvBarReader skipBadRows(boolean skip) {
        return new CsvBarReader(skip, ohlcFix, fromBytes);
    }

    /** A reader that treats open or close outside high-low as {@code fix} says. */
    public CsvBarReader ohlcFix(OhlcFix fix) {
        return new CsvBarReader(skipBadRows, fix, fromBytes);
    }

    /** What this reader does with open or close outside high-low. */
    public OhlcFix ohlcFix() {
        return ohlcFix;
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
        try (FileChannel channel = FileChannel.open(file); InputStream in = Channels.newInputStream(channel)) {
            // Rows are 40 to 60 bytes: start near the final size, not 1.5x growth twenty times over.
            int capacity = (int) Math.min(channel.size() / 64, 1 << 22);
            return read(file, symbol, in, capacity);
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

    private BarFile read(Path file, Symbol symbol, InputStream in, int capacity) throws IOException {
        CsvRows rows = new CsvRows(file, ohlcFix, capacity);
        CsvLines lines = new CsvLines(in);
        ColumnLayout layout = null;
        FastCsvRow fast = null;
        int lineNumber = 0;
        boolean dataRowSeen = false;
        while (true) {
            if (fast != null) {
                lines.ensureAvailable(FAST_ROW_WINDOW);
                int terminator = fast.tryAccept(lines.buffer(), lines.position(), lines.limit(), lineNumber + 1);
                if (terminator >= 0) {
                    lines.takeLine(terminator);
                    lineNumber++;
                    dataRowSeen = true;
                    continue;
                }
            }
            if (!lines.next()) {
                break;
            }
            lineNumber++;
            byte[] bytes = lines.buffer();
            int from = lines.start();
            int to = lines.end();
            if (lineNumber == 1 && startsWithByteOrderMark(bytes, from, to)) {
                // Spreadsheet exports often start with a UTF-8 byte-order mark.
                from += 3;
            }
            String line = lines.text(from, to);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(line);
            if (layout == null) {
                layout = ColumnLayout.isHeader(fields) ? ColumnLayout.fromHeader(fields, file) : ColumnLayout.POSITIONAL;
                fast = fromBytes ? new FastCsvRow(layout, rows) : null;
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
                rows.skip(e);
            }
        }
        if (layout == null) {
            throw new BarFileException(file, 0, "empty file");
        }
        if (!dataRowSeen) {
            throw new BarFileException(file, 0, "no rows after the header");
        }
        return new BarFile(symbol, file, rows.columns.toBars(symbol), rows.roundedValues, rows.skipped,
                rows.widenedRows);
    }

    private static boolean startsWithByteOrderMark(byte[] bytes, int from, int to) {
        return to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF;
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
}
