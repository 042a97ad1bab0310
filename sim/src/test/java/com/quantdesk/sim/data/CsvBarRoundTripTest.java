package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CsvBarRoundTripTest {

    private static final Symbol SYMBOL = Symbol.of("ABC");
    private static final Instant START = Instant.parse("2020-01-01T03:45:00Z");

    /** A valid bar's shape: the gap to the previous bar and four prices sorted into low, open/close, high. */
    record Step(long gapSeconds, long a, long b, long c, long d, long volume) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> price = Arbitraries.longs().between(1, 100_000_000);
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.longs().between(1, 400_000), price, price, price, price,
                        Arbitraries.longs().between(0, 10_000_000_000L))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void writerThenReaderGivesIdenticalBars(@ForAll("steps") List<Step> steps) throws IOException {
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
