package com.quantdesk.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

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

    @Property
    void keepsAtMostTheLimitAndNeverLosesTheGlobalExtremes(
            @ForAll @Size(min = 1, max = 5_000) double[] values,
            @ForAll @IntRange(min = 4, max = 2_000) int limit) {
        int[] kept = Downsampler.minMax(values, limit);

        assertThat(kept.length).isLessThanOrEqualTo(limit);
        assertThat(kept).isSorted().doesNotHaveDuplicates();
        assertThat(kept[0]).isZero();
        assertThat(kept[kept.length - 1]).isEqualTo(values.length - 1);
        double[] shown = Arrays.stream(kept).mapToDouble(i -> values[i]).toArray();
        assertThat(Arrays.stream(shown).min().getAsDouble()).isEqualTo(Arrays.stream(values).min().getAsDouble());
        assertThat(Arrays.stream(shown).max().getAsDouble()).isEqualTo(Arrays.stream(values).max().getAsDouble());
    }
}
