package com.quantdesk.sim.data;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

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
import org.quicktheories.core.Gen;

class CsvBarRoundTripTest {

    private static final Symbol SYMBOL = Symbol.of("ABC");
    private static final Instant START = Instant.parse("2020-01-01T03:45:00Z");

    /** A valid bar's shape: the gap to the previous bar and four prices sorted into low, open/close, high. */
    record Step(long gapSeconds, long a, long b, long c, long d, long volume) {
    }

    static Gen<List<Step>> steps() {
        Gen<Long> price = spreadLongs(1, 100_000_000);
        Gen<long[]> prices = price.zip(price, price, price, (a, b, c, d) -> new long[] {a, b, c, d});
        Gen<Step> step = longs().between(1, 400_000).zip(prices, spreadLongs(0, 10_000_000_000L),
                (gap, p, volume) -> new Step(gap, p[0], p[1], p[2], p[3], volume));
        return lists().of(step).ofSizeBetween(1, 40);
    }

    @Test
    void writerThenReaderGivesIdenticalBars() {
        qt().withExamples(200).forAll(steps()).checkAssert(steps -> {
            try {
                roundTrip(steps);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void roundTrip(List<Step> steps) throws IOException {
        List<Bar> bars = new ArrayList<>();
        Instant time = START;
        for (Step step : steps) {
            time = time.plusSeconds(step.gapSeconds());
            long[] prices = {step.a(), step.b(), step.c(), step.d()};
            Arrays.sort(prices);
            bars.add(new Bar(SYMBOL, time, prices[1], prices[3], prices[0], prices[2], step.volume()));
        }
        Path dir = Files.createTempDirectory("roundtrip");
        Path file = dir.resolve("abc.csv");
        try {
            new CsvBarWriter().write(file, bars);

            assertThat(new CsvBarReader().read(file).bars()).isEqualTo(bars);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }
}
