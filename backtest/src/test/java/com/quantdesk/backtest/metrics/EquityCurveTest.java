package com.quantdesk.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

    @Property
    void readsBackThePointsItWasBuiltFrom(
            @ForAll @Size(min = 0, max = 50) List<@LongRange(min = -1_000_000_000L, max = 1_000_000_000L) Long> equities,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
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

    @Property(tries = 2_000)
    void theIstDayIsTheZoneRulesDayBeforeAndAfterIstBecameFixed(
            @ForAll @LongRange(min = -3_000_000_000L, max = 5_000_000_000L) long epochSecond) {
        long expected = LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), DailyReturns.IST).toEpochDay();

        assertThat(DailyReturns.day(epochSecond)).isEqualTo(expected);
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
