package com.quantdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TickFilterTest {

    private static final Symbol INFY = Symbol.of("INFY");
    private static final Symbol TCS = Symbol.of("TCS");
    private static final Instant T0 = Ist.at("2025-01-06T09:15");

    private final List<Tick> passed = new ArrayList<>();
    private final TickFilter filter = new TickFilter(TickFilterConfig.defaults(), passed::add);

    private static Tick tick(Symbol symbol, long millis, long price, long size) {
        return new Tick(symbol, T0.plusMillis(millis), price, size);
    }

    /** Alternates 100,000 and 100,100 paise: log returns of ±0.09995%, σ exactly ln(1.001). */
    private long warmUp(Symbol symbol, int returns) {
        long millis = 0;
        for (int i = 0; i <= returns; i++) {
            assertThat(filter.offer(tick(symbol, millis, i % 2 == 0 ? 100_000 : 100_100, 1))).isTrue();
            millis += 1000;
        }
        return millis;
    }

    @Test
    void dropsNonPositivePrices() {
        assertThat(filter.offer(tick(INFY, 0, 0, 1))).isFalse();
        assertThat(filter.offer(tick(INFY, 1, -5, 1))).isFalse();
        assertThat(filter.offer(tick(INFY, 2, 150_000, 1))).isTrue();

        assertThat(filter.dropped(INFY, DropReason.NON_POSITIVE_PRICE)).isEqualTo(2);
        assertThat(filter.accepted(INFY)).isEqualTo(1);
        assertThat(passed).containsExactly(tick(INFY, 2, 150_000, 1));
    }

    @Test
    void dropsTicksOlderThanTheLastAcceptedOneButKeepsEqualTimes() {
        filter.offer(tick(INFY, 1000, 150_000, 1));

        assertThat(filter.offer(tick(INFY, 999, 150_000, 2))).isFalse();
        assertThat(filter.offer(tick(INFY, 1000, 150_005, 1))).isTrue();
        assertThat(filter.offer(tick(TCS, 0, 400_000, 1))).isTrue();

        assertThat(filter.dropped(INFY, DropReason.OUT_OF_ORDER)).isEqualTo(1);
        assertThat(filter.dropped(TCS, DropReason.OUT_OF_ORDER)).isZero();
    }

    @Test
    void dropsARedeliveryOfTheLastTickButNotAnotherTradeInTheSameMillisecond() {
        filter.offer(tick(INFY, 0, 150_000, 10));

        assertThat(filter.offer(tick(INFY, 0, 150_000, 10))).isFalse();
        assertThat(filter.offer(tick(INFY, 0, 150_000, 11))).isTrue();
        assertThat(filter.offer(tick(INFY, 0, 150_000, 11))).isFalse();
        assertThat(filter.offer(tick(INFY, 1, 150_000, 11))).isTrue();

        assertThat(filter.dropped(INFY, DropReason.DUPLICATE)).isEqualTo(2);
    }

    @Test
    void rejectsAMoveOfTwentyTimesRecentVolatility() {
        long millis = warmUp(INFY, 30);

        boolean accepted = filter.offer(tick(INFY, millis, 102_000, 1)); // ln(1.02) ≈ 20σ from 100,000

        assertThat(accepted).isFalse();
        assertThat(filter.dropped(INFY, DropReason.SPIKE)).isEqualTo(1);
        assertThat(filter.offer(tick(INFY, millis + 1000, 100_200, 1))).isTrue(); // 2σ: ordinary
    }

    @Test
    void acceptsEverythingValidDuringWarmUp() {
        warmUp(INFY, 18);

        assertThat(filter.offer(tick(INFY, 60_000, 120_000, 1))).isTrue();
        assertThat(filter.dropped(DropReason.SPIKE)).isZero();
    }

    @Test
    void volatilityFloorLetsAFlatSeriesMoveByATick() {
        for (int i = 0; i < 40; i++) {
            filter.offer(tick(INFY, i * 1000L, 100_000, 1));
        }

        assertThat(filter.offer(tick(INFY, 40_000, 100_005, 1))).isTrue();  // 0.005%: under the floor
        assertThat(filter.offer(tick(INFY, 41_000, 100_400, 1))).isTrue();  // 0.39% < 8 × 0.05%
        assertThat(filter.offer(tick(INFY, 42_000, 101_000, 1))).isFalse(); // 0.6%
    }

    @Test
    void aLevelThatPersistsForThreeTicksIsAcceptedAsReal() {
        long millis = warmUp(INFY, 30);

        assertThat(filter.offer(tick(INFY, millis, 110_000, 1))).isFalse();
        assertThat(filter.offer(tick(INFY, millis + 1000, 110_050, 1))).isFalse();
        assertThat(filter.offer(tick(INFY, millis + 2000, 110_000, 1))).isTrue();
        assertThat(filter.offer(tick(INFY, millis + 3000, 110_100, 1))).isTrue();

        assertThat(filter.dropped(INFY, DropReason.SPIKE)).isEqualTo(2);
    }

    @Test
    void isolatedBadPrintsInDifferentDirectionsNeverConfirmALevel() {
        long millis = warmUp(INFY, 30);

        for (int i = 0; i < 6; i++) {
            long price = i % 2 == 0 ? 110_000 : 90_000;
            assertThat(filter.offer(tick(INFY, millis + i, price, 1))).isFalse();
        }

        assertThat(filter.dropped(INFY, DropReason.SPIKE)).isEqualTo(6);
    }

    @Test
    void countsEveryReasonPerSymbolAndInTotal() {
        long millis = warmUp(INFY, 30);
        filter.offer(tick(INFY, millis, 0, 1));
        filter.offer(tick(INFY, 0, 100_000, 1));
        filter.offer(tick(INFY, millis - 1000, 100_000, 1)); // the last warm-up tick again
        filter.offer(tick(INFY, millis, 150_000, 1));
        filter.offer(tick(TCS, 0, -1, 1));

        assertThat(filter.drops(INFY)).containsExactlyInAnyOrderEntriesOf(Map.of(
                DropReason.NON_POSITIVE_PRICE, 1L, DropReason.OUT_OF_ORDER, 1L,
                DropReason.DUPLICATE, 1L, DropReason.SPIKE, 1L));
        assertThat(filter.dropped(DropReason.NON_POSITIVE_PRICE)).isEqualTo(2);
        assertThat(filter.dropped()).isEqualTo(5);
        assertThat(filter.accepted()).isEqualTo(31);
        assertThat(filter.drops(Symbol.of("WIPRO"))).containsValues(0L, 0L, 0L, 0L);
    }
}
