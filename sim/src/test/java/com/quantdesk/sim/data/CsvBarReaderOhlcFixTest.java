package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.quantdesk.core.domain.Bar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarReaderOhlcFixTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("x.csv"), content);
    }

    @Test
    void clampWidensHighAndLowToContainOpenAndCloseAndCountsTheRows() throws IOException {
        Path file = file("""
                2025-01-01,12,11,9,10,5
                2025-01-02,10,11,9,8.5,5
                2025-01-03,10,11,9,10,5
                2025-01-06,13,11,9,7,5
                """);

        BarFile result = new CsvBarReader().ohlcFix(OhlcFix.CLAMP).read(file);

        assertThat(result.bars()).extracting(Bar::open, Bar::high, Bar::low, Bar::close).containsExactly(
                tuple(12_00L, 12_00L, 9_00L, 10_00L),
                tuple(10_00L, 11_00L, 8_50L, 8_50L),
                tuple(10_00L, 11_00L, 9_00L, 10_00L),
                tuple(13_00L, 13_00L, 7_00L, 7_00L));
        assertThat(result.widenedRows()).isEqualTo(3);
        assertThat(result.roundedValues()).isZero();
    }

    @Test
    void clampDoesNotCountRowsSkippedForAnotherReasonNorFixHighBelowLow() throws IOException {
        Path file = file("""
                2025-01-01,12,11,9,10,5
                2025-01-02,12,9,11,10,5
                2025-01-01,12,11,9,10,5
                2025-01-03,12.001,11,9,10,x
                """);

        BarFile result = new CsvBarReader().ohlcFix(OhlcFix.CLAMP).skipBadRows(true).read(file);

        assertThat(result.bars()).hasSize(1);
        assertThat(result.widenedRows()).isEqualTo(1);
        assertThat(result.roundedValues()).isZero();
        assertThat(result.skipped()).containsExactly(
                file + ", line 2: high 9.00 < low 11.00",
                file + ", line 3: duplicate timestamp 2025-01-01 (also on line 1)",
                file + ", line 4: non-numeric volume 'x'");
    }

    @Test
    void strictIsTheDefaultAndKeepsTheError() throws IOException {
        Path file = file("2025-01-01,12,11,9,10,5\n");

        assertThat(new CsvBarReader().ohlcFix()).isEqualTo(OhlcFix.STRICT);
        assertThatThrownBy(() -> new CsvBarReader().read(file))
                .hasMessage(file + ", line 1: open 12.00 outside high-low 9.00-11.00");
    }
}
