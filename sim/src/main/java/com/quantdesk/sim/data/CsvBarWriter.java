package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Paise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the bars of one symbol as CSV that {@link CsvBarReader} reads back into identical bars.
 *
 * <p>The header is {@value #HEADER}. Times are IST: {@code yyyy-MM-dd} when every bar is a daily bar
 * (stamped 09:15 IST), otherwise {@code yyyy-MM-dd HH:mm:ss} for every row, so an intraday file
 * never mixes the two forms. Prices are rupees with two decimals. Stateless and thread-safe.
 */
public final class CsvBarWriter {

    /** The header line. */
    public static final String HEADER = "datetime,open,high,low,close,volume";

    /** A writer. */
    public CsvBarWriter() {
    }

    /**
     * Writes {@code bars} to {@code file}, replacing it. The file is written beside its final name
     * and then moved into place, so a reader never sees half a file.
     *
     * @throws IllegalArgumentException if the bars mix symbols or are not in strictly increasing time order
     * @throws UncheckedIOException     if the file cannot be written
     */
    public void write(Path file, List<Bar> bars) {
        check(bars);
        Path absolute = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(out, bars);
            }
            move(temp, absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Writes the header and {@code bars} to {@code out}, one line each, lines ending in {@code \n}.
     *
     * @throws IllegalArgumentException if the bars mix symbols or are not in strictly increasing time order
     * @throws IOException              if {@code out} fails
     */
    public void write(Appendable out, List<Bar> bars) throws IOException {
        check(bars);
        boolean daily = bars.stream().allMatch(bar -> IstTimestamps.isDailyBarTime(bar.time()));
        out.append(HEADER).append('\n');
        for (Bar bar : bars) {
            out.append(daily ? IstTimestamps.formatDate(bar.time()) : IstTimestamps.formatDateTime(bar.time()))
                    .append(',').append(Paise.format(bar.open()))
                    .append(',').append(Paise.format(bar.high()))
                    .append(',').append(Paise.format(bar.low()))
                    .append(',').append(Paise.format(bar.close()))
                    .append(',').append(Long.toString(bar.volume()))
                    .append('\n');
        }
    }

    /** The file has no symbol column and the reader insists on order, so both are checked up front. */
    private static void check(List<Bar> bars) {
        for (int i = 1; i < bars.size(); i++) {
            Bar previous = bars.get(i - 1);
            Bar bar = bars.get(i);
            if (!bar.symbol().equals(previous.symbol())) {
                throw new IllegalArgumentException("bars of one file must share a symbol: found " + previous.symbol()
                        + " and " + bar.symbol());
            }
            if (!bar.time().isAfter(previous.time())) {
                throw new IllegalArgumentException("bar times must strictly increase: " + bar.time() + " after "
                        + previous.time());
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write itself already succeeded or failed; a leftover temp file changes neither outcome.
        }
    }
}
