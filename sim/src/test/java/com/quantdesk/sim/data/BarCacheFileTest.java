package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarCacheFileTest {

    private static final Symbol SYMBOL = Symbol.of("RELIANCE");
    private static final BarCacheFile.Key KEY = new BarCacheFile.Key(1234, 5678, SYMBOL, true, OhlcFix.STRICT);

    @TempDir
    Path dir;

    /** {@code count} bars, with a fraction of a second on some when {@code nanos}, and {@code notes} skipped rows. */
    private BarFile file(int count, boolean nanos, int notes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = Instant.ofEpochSecond(1_700_000_000L + 60L * i, nanos && i % 3 == 1 ? 500_000_000 : 0);
            long open = 250_000 + 5L * (i % 17);
            bars.add(new Bar(SYMBOL, time, open, open + 40, open - 35, open + 5, 1_000 + i));
        }
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            skipped.add(dir.resolve("RELIANCE.csv") + ", line " + (i + 2) + ": high 8.00 < low 9.00 " + "x".repeat(i * 7));
        }
        return new BarFile(SYMBOL, dir.resolve("RELIANCE.csv"), bars, 3, skipped, 2);
    }

    @Test
    void whatIsWrittenIsReadBackThroughABufferOfAnySize() {
        qt().withExamples(150).forAll(integers().between(0, 300), booleans().all(), integers().between(0, 4),
                integers().between(8, 200)).checkAssert((count, nanos, notes, chunk) -> {
                    try {
                        BarFile written = file(count, nanos, notes);
                        Path cache = dir.resolve("cache-" + count + "-" + nanos + "-" + notes + "-" + chunk);
                        BarCacheFile.write(cache, KEY, written);

                        BarFile read = BarCacheFile.read(cache, KEY, written.file(), chunk);

                        assertThat(read).isEqualTo(written);
                        assertThat(read.roundedValues()).isEqualTo(3);
                        assertThat(read.widenedRows()).isEqualTo(2);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (BarCacheFile.Unusable e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void everyFlippedByteAndEveryShorterOrLongerFileIsUnusable() throws Exception {
        BarFile written = file(5, true, 2);
        Path cache = dir.resolve("cache");
        BarCacheFile.write(cache, KEY, written);
        byte[] good = Files.readAllBytes(cache);
        Path bad = dir.resolve("bad");
        for (int chunk : new int[] {8, 13, 1 << 20}) {
            for (int i = 0; i < good.length; i++) {
                byte[] flipped = good.clone();
                flipped[i] ^= 0x10;
                Files.write(bad, flipped);
                assertUnusable(bad, written, chunk, "byte " + i + " flipped");
            }
            for (int length = 0; length < good.length; length++) {
                Files.write(bad, Arrays.copyOf(good, length));
                assertUnusable(bad, written, chunk, "cut to " + length + " bytes");
            }
            Files.write(bad, Arrays.copyOf(good, good.length + 8));
            assertUnusable(bad, written, chunk, "8 bytes longer");
        }
    }

    @Test
    void aCacheForOtherReadingOptionsOrAnotherVersionOfTheCsvIsNotUsed() throws Exception {
        BarFile written = file(3, false, 0);
        Path cache = dir.resolve("cache");
        BarCacheFile.write(cache, KEY, written);

        assertThatThrownBy(() -> BarCacheFile.read(cache, new BarCacheFile.Key(1235, 5678, SYMBOL, true,
                OhlcFix.STRICT), written.file())).isInstanceOf(BarCacheFile.Unusable.class)
                .hasMessage("made from another version of the CSV file");
        assertThatThrownBy(() -> BarCacheFile.read(cache, new BarCacheFile.Key(1234, 5678, SYMBOL, true,
                OhlcFix.CLAMP), written.file())).isInstanceOf(BarCacheFile.Unusable.class)
                .hasMessage("made with other reading options");
    }

    private static void assertUnusable(Path cache, BarFile written, int chunk, String what) {
        assertThatThrownBy(() -> BarCacheFile.read(cache, KEY, written.file(), chunk))
                .as("%s, read %d bytes at a time", what, chunk)
                .isInstanceOf(BarCacheFile.Unusable.class);
    }
}
