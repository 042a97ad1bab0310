package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarWriterTest {

    private static final Symbol SBIN = Symbol.of("SBIN");

    @TempDir
    Path dir;

    private final CsvBarWriter writer = new CsvBarWriter();
    private final CsvBarReader reader = new CsvBarReader();

    private static Bar bar(String istTime, long open, long high, long low, long close, long volume) {
        return new Bar(SBIN, Instant.parse(istTime + "+05:30"), open, high, low, close, volume);
    }

    @Test
    void writesDailyBarsAsDatesWithRupeePrices() throws IOException {
        StringBuilder out = new StringBuilder();

        writer.write(out, List.of(
                bar("2025-01-01T09:15:00", 800_05, 812_00, 799_10, 810_00, 1_234_567),
                bar("2025-01-02T09:15:00", 810_00, 810_00, 801_01, 802_50, 0)));

        assertThat(out).hasToString("""
                datetime,open,high,low,close,volume
                2025-01-01,800.05,812.00,799.10,810.00,1234567
                2025-01-02,810.00,810.00,801.01,802.50,0
                """);
    }

    @Test
    void writesEveryRowOfAnIntradayFileWithATime() throws IOException {
        StringBuilder out = new StringBuilder();

        writer.write(out, List.of(
                bar("2025-01-01T09:15:00", 800_05, 812_00, 799_10, 810_00, 10),
                bar("2025-01-01T09:20:00", 810_00, 810_00, 801_01, 802_50, 20),
                bar("2025-01-01T09:25:00.250", 802_50, 802_50, 802_50, 802_50, 30)));

        assertThat(out).hasToString("""
                datetime,open,high,low,close,volume
                2025-01-01 09:15:00,800.05,812.00,799.10,810.00,10
                2025-01-01 09:20:00,810.00,810.00,801.01,802.50,20
                2025-01-01 09:25:00.25,802.50,802.50,802.50,802.50,30
                """);
    }

    @Test
    void readerReadsBackIdenticalDailyAndIntradayBars() {
        SyntheticMarketConfig daily = SyntheticMarketConfig.defaults(List.of(SBIN),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        for (SyntheticMarketConfig config : List.of(daily, daily.withBarSize(Duration.ofMinutes(5)))) {
            List<Bar> bars = new SyntheticMarket(config).bars(SBIN);
            Path file = dir.resolve("sbin.csv");

            writer.write(file, bars);
            BarFile read = reader.read(file);

            assertThat(read.bars()).isEqualTo(bars);
            assertThat(read.roundedValues()).isZero();
        }
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("sbin.csv");
        Files.writeString(file, "old content");

        writer.write(file, List.of(bar("2025-01-01T09:15:00", 100, 100, 100, 100, 1)));

        assertThat(Files.readString(file)).isEqualTo("datetime,open,high,low,close,volume\n2025-01-01,1.00,1.00,1.00,1.00,1\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writesAHeaderOnlyForNoBars() throws IOException {
        StringBuilder out = new StringBuilder();

        writer.write(out, List.of());

        assertThat(out).hasToString(CsvBarWriter.HEADER + "\n");
    }

    @Test
    void rejectsBarsTheReaderCouldNotReadBack() {
        Bar first = bar("2025-01-01T09:15:00", 100, 100, 100, 100, 1);
        Bar other = new Bar(Symbol.of("ITC"), Instant.parse("2025-01-02T09:15:00+05:30"), 100, 100, 100, 100, 1);

        assertThatThrownBy(() -> writer.write(dir.resolve("x.csv"), List.of(first, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bars of one file must share a symbol: found SBIN and ITC");
        assertThatThrownBy(() -> writer.write(dir.resolve("x.csv"), List.of(first, first)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar times must strictly increase: 2025-01-01T03:45:00Z after 2025-01-01T03:45:00Z");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}
