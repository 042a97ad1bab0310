package com.quantdesk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Differential test: {@link Paise#scale}'s long arithmetic against the BigDecimal formula. */
class PaiseScalePropertyTest {

    @Property(tries = 20_000)
    void scaleMatchesTheBigDecimalFormula(@ForAll("numbers") long amount, @ForAll("numbers") long numerator,
                                          @ForAll("numbers") long denominator) {
        if (denominator == 0) {
            return;
        }
        BigDecimal exact = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN);
        if (exact.toBigInteger().bitLength() > 63) {
            return;
        }

        assertThat(Paise.scale(amount, numerator, denominator)).isEqualTo(exact.longValueExact());
    }

    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-1_000, 1_000),
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1L, 1L, 2L, -2L));
    }
}
