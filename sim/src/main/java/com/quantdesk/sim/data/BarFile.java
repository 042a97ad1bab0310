package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The bars read from one CSV file.
 *
 * @param symbol        the symbol every bar carries
 * @param file          the file read
 * @param bars          the bars, in strictly increasing time order
 * @param roundedValues how many prices had more than two decimals and were rounded half-even to the
 *                      paisa (vendor files often carry binary-float noise such as {@code 4044.89990234375})
 * @param skipped       one warning per skipped row ({@code "<file>, line <n>: <reason>"}); empty unless
 *                      the reader skips bad rows
 * @param widenedRows   how many rows had open or close outside high-low and had high and low widened
 *                      to contain them ({@link OhlcFix#CLAMP}); 0 otherwise
 */
public record BarFile(Symbol symbol, Path file, List<Bar> bars, int roundedValues, List<String> skipped,
                      int widenedRows) {

    /** Validates and copies. */
    public BarFile {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(file, "file");
        // Bars read from a file are an immutable view over their columns: copying it would make every bar.
        bars = bars instanceof BarColumns.ColumnBars ? bars : List.copyOf(bars);
        skipped = List.copyOf(skipped);
        if (roundedValues < 0) {
            throw new IllegalArgumentException("roundedValues must not be negative, was " + roundedValues);
        }
        if (widenedRows < 0) {
            throw new IllegalArgumentException("widenedRows must not be negative, was " + widenedRows);
        }
    }

    /** Bars read without widening any row. */
    public BarFile(Symbol symbol, Path file, List<Bar> bars, int roundedValues, List<String> skipped) {
        this(symbol, file, bars, roundedValues, skipped, 0);
    }
}
