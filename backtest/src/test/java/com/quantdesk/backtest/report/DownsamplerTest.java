package com.quantdesk.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class DownsamplerTest {

    @Test
    void keepsEveryPointOfAShortSeries() {
        assertThat(Downsampler.minMax(new double[] {3, 1, 2}, 10)).containsExactly(0, 1, 2);
    }

    @Test
    void keepsTheEndsAndTheExtremesOfEachBucket() {
        double[] values = {5, 1, 9, 4, 4, 0, 7, 6};

        // six inner points in two buckets: [1, 9, 4] and [4, 0, 7]
        int[] kept = Downsampler.minMax(values, 6);

        assertThat(kept).containsExactly(0, 1, 2, 5, 6, 7);
    }

    @Test
    void keepsAtMostTheLimitAndNeverLosesTheGlobalExtremes() {
        qt().withExamples(1_000).forAll(seriesOfFiniteDoubles(1, 5_000), integers().between(4, 2_000))
                .checkAssert(DownsamplerTest::keepsTheLimitAndTheExtremes);
    }

    private static void keepsTheLimitAndTheExtremes(double[] values, int limit) {
        int[] kept = Downsampler.minMax(values, limit);

        assertThat(kept.length).isLessThanOrEqualTo(limit);
        assertThat(kept).isSorted().doesNotHaveDuplicates();
        assertThat(kept[0]).isZero();
        assertThat(kept[kept.length - 1]).isEqualTo(values.length - 1);
        double[] shown = Arrays.stream(kept).mapToDouble(i -> values[i]).toArray();
        assertThat(Arrays.stream(shown).min().getAsDouble()).isEqualTo(Arrays.stream(values).min().getAsDouble());
        assertThat(Arrays.stream(shown).max().getAsDouble()).isEqualTo(Arrays.stream(values).max().getAsDouble());
    }

    /**
     * Arrays of finite doubles: any finite value (drawn by its bit pattern, so every magnitude
     * appears), or a small one with two decimals (so that ties are frequent).
     */
    private static Gen<double[]> seriesOfFiniteDoubles(int minLength, int maxLength) {
        Gen<Double> positive = Generate.longRange(0, Double.doubleToRawLongBits(Double.MAX_VALUE))
                .map(Double::longBitsToDouble);
        Gen<Double> negative = Generate.longRange(Long.MIN_VALUE, Double.doubleToRawLongBits(-Double.MAX_VALUE))
                .map(Double::longBitsToDouble);
        Gen<Double> small = integers().between(-100_000, 100_000).map(i -> i / 100.0);
        Gen<List<Double>> lists = lists().of(Generate.oneOf(small, positive, negative))
                .ofSizeBetween(minLength, maxLength);
        return lists.map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).describedAs(Arrays::toString);
    }
}
