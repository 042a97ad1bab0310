package com.quantdesk.kite.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoricalRangeTest {

    private static final Instant FROM = Instant.parse("2026-01-01T03:45:00Z");

    @Test
    void rangeWithinTheLimitIsOneRequest() {
        Instant to = FROM.plus(Duration.ofDays(60)).minusSeconds(1);

        assertThat(HistoricalRange.split(FROM, to, CandleInterval.MINUTE))
                .containsExactly(new HistoricalRange(FROM, to));
    }

    @Test
    void rangeOneSecondOverTheLimitIsSplitAtTheLimit() {
        Instant to = FROM.plus(Duration.ofDays(60));

        assertThat(HistoricalRange.split(FROM, to, CandleInterval.MINUTE)).containsExactly(
                new HistoricalRange(FROM, FROM.plus(Duration.ofDays(60)).minusSeconds(1)),
                new HistoricalRange(to, to));
    }

    @Test
    void everyIntervalUsesItsOwnSpan() {
        Instant to = FROM.plus(Duration.ofDays(4000));

        assertThat(HistoricalRange.split(FROM, to, CandleInterval.DAY)).hasSize(3);
        assertThat(HistoricalRange.split(FROM, to, CandleInterval.SIXTY_MINUTE)).hasSize(11);
        assertThat(HistoricalRange.split(FROM, to, CandleInterval.FIFTEEN_MINUTE)).hasSize(21);
        assertThat(HistoricalRange.split(FROM, to, CandleInterval.FIVE_MINUTE)).hasSize(41);
    }

    @Test
    void piecesCoverTheRangeExactlyWithoutOverlapAndWithinTheSpan() {
        qt().forAll(longs().between(0, 3_000L * 86_400), integers().between(0, CandleInterval.values().length - 1))
                .checkAssert((seconds, index) -> {
                    CandleInterval interval = CandleInterval.values()[index];
                    Instant to = FROM.plusSeconds(seconds);
                    List<HistoricalRange> pieces = HistoricalRange.split(FROM, to, interval);

                    assertThat(pieces.getFirst().from()).isEqualTo(FROM);
                    assertThat(pieces.getLast().to()).isEqualTo(to);
                    for (int i = 0; i < pieces.size(); i++) {
                        HistoricalRange piece = pieces.get(i);
                        assertThat(Duration.between(piece.from(), piece.to())).isLessThan(interval.maxSpan());
                        if (i > 0) {
                            assertThat(piece.from()).isEqualTo(pieces.get(i - 1).to().plusSeconds(1));
                        }
                    }
                });
    }
}
