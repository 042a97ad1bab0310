package com.quantdesk.backtest.metrics;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class EquityCurveTest {

    @Test
    void readsBackThePointsItWasBuiltFrom() {
        qt().withExamples(1_000)
                .forAll(lists().of(spreadLongs(-1_000_000_000L, 1_000_000_000L)).ofSizeBetween(0, 50),
                        spreadLongs(0, 999_999_999).map(Long::intValue))
                .checkAssert(EquityCurveTest::buildAndReadBack);
    }

    private static void buildAndReadBack(List<Long> equities, int nano) {
        List<EquityPoint> points = new ArrayList<>();
        EquityCurve.Builder builder = new EquityCurve.Builder(1);
        for (int i = 0; i < equities.size(); i++) {
            Instant time = Instant.ofEpochSecond(1_700_000_000L + 60L * i, nano);
            long exposure = Math.abs(equities.get(i)) / 2;
            points.add(new EquityPoint(time, equities.get(i), exposure));
            builder.add(time, equities.get(i), exposure);
        }

        EquityCurve curve = builder.build();

        assertThat(curve).isEqualTo(points).hasSameHashCodeAs(points);
        assertThat(EquityCurve.of(points)).isEqualTo(curve);
        assertThat(EquityCurve.of(curve)).isSameAs(curve);
    }

    @Test
    void refusesNegativeExposureAndUseAfterBuild() {
        EquityCurve.Builder builder = new EquityCurve.Builder(4);
        assertThatThrownBy(() -> builder.add(Instant.EPOCH, 1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gross exposure");
        builder.build();
        assertThatThrownBy(() -> builder.add(Instant.EPOCH, 1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIstDayIsTheZoneRulesDayBeforeAndAfterIstBecameFixed() {
        long from = -3_000_000_000L;
        long to = 5_000_000_000L;
        // The day depends on the offset only near midnight: half the instants fall within two hours of one.
        Gen<Long> nearIstMidnight = longs().between(from / 86_400, to / 86_400)
                .zip(integers().between(-7_200, 7_200),
                        (day, second) -> Math.max(from, Math.min(to, day * 86_400 - 19_800 + second)));
        qt().withExamples(2_000).forAll(Generate.oneOf(longs().between(from, to), nearIstMidnight))
                .checkAssert(epochSecond -> {
                    long expected =
                            LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), DailyReturns.IST).toEpochDay();

                    assertThat(DailyReturns.day(epochSecond)).isEqualTo(expected);
                });
    }

    @Test
    void theIstDayIsTheZoneRulesDayAroundTheLastOffsetChange() {
        long change = DailyReturns.IST.getRules().getTransitions().getLast().getInstant().getEpochSecond();
        for (long s = change - 3 * 86_400; s < change + 3 * 86_400; s += 599) {
            long expected = LocalDate.ofInstant(Instant.ofEpochSecond(s), DailyReturns.IST).toEpochDay();
            assertThat(DailyReturns.day(s)).as("epoch second %d", s).isEqualTo(expected);
        }
    }
}
