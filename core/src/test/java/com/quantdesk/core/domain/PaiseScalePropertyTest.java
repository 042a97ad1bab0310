package com.quantdesk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Differential test: {@link Paise#scale}'s long arithmetic against the BigDecimal formula. */
class PaiseScalePropertyTest {

    @Test
    void scaleMatchesTheBigDecimalFormula() {
        qt().withExamples(20_000).forAll(numbers(), numbers(), numbers())
                .checkAssert(PaiseScalePropertyTest::scaleMatchesTheFormula);
    }

    private static void scaleMatchesTheFormula(long amount, long numerator, long denominator) {
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

    static Gen<Long> numbers() {
        return Generate.oneOf(
                longs().between(-1_000, 1_000),
                longs().between(-10_000_000_000L, 10_000_000_000L),
                longs().all(),
                arbitrary().pick(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1L, 1L, 2L, -2L));
    }
}
