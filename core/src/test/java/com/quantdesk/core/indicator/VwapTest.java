package com.quantdesk.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.volume.VWAPIndicator;

class VwapTest {

    /** Minute bars in an NSE session, 09:15 to 15:30. */
    private static final int BARS_PER_SESSION = 375;

    @Test
    void weightsTypicalPricesByVolume() {
        Vwap vwap = new Vwap();

        assertThat(vwap.update(12, 9, 9, 100)).isEqualTo(10.0); // typical (12 + 9 + 9) / 3
        assertThat(vwap.update(13, 11, 12, 300)).isEqualTo(11.5); // (10 * 100 + 12 * 300) / 400
        assertThat(vwap.volume()).isEqualTo(400.0);
        assertThat(vwap.count()).isEqualTo(2);
    }

    @Test
    void isNanUntilTheSessionTradesAnyVolume() {
        Vwap vwap = new Vwap();
        assertThat(vwap.isReady()).isFalse();
        assertThat(vwap.value()).isNaN();

        assertThat(vwap.update(12, 9, 9, 0)).isNaN();
        assertThat(vwap.isReady()).isFalse();

        assertThat(vwap.update(13, 11, 12, 50)).isEqualTo(12.0); // the empty bar carries no weight
        assertThat(vwap.isReady()).isTrue();
        assertThat(vwap.count()).isEqualTo(2);
    }

    @Test
    void resetStartsANewSession() {
        Vwap vwap = new Vwap();
        vwap.update(12, 9, 9, 100);

        vwap.reset();

        assertThat(vwap.isReady()).isFalse();
        assertThat(vwap.value()).isNaN();
        assertThat(vwap.count()).isZero();
        assertThat(vwap.volume()).isZero();
        assertThat(vwap.update(21, 20, 19, 10)).isEqualTo(20.0);
    }

    @Test
    void matchesANaiveSessionReferenceAcrossDailyResets() {
        List<SyntheticBar> bars = SyntheticBar.randomWalk(61, 5 * BARS_PER_SESSION);
        Vwap vwap = new Vwap();

        for (int i = 0; i < bars.size(); i++) {
            if (i % BARS_PER_SESSION == 0) {
                vwap.reset();
            }
            SyntheticBar bar = bars.get(i);
            double value = vwap.update(bar.high(), bar.low(), bar.close(), bar.volume());

            double priceVolume = 0;
            double volume = 0;
            for (int j = i - i % BARS_PER_SESSION; j <= i; j++) {
                SyntheticBar earlier = bars.get(j);
                priceVolume += (earlier.high() + earlier.low() + earlier.close()) / 3 * earlier.volume();
                volume += earlier.volume();
            }
            if (volume == 0) {
                assertThat(value).as("index %d", i).isNaN();
            } else {
                double expected = priceVolume / volume;
                assertThat(value).as("index %d", i).isCloseTo(expected, Tolerance.relative(expected));
            }
        }
    }

    @Test
    void matchesTa4jOverOneLongSession() {
        // ta4j's VWAP is over a trailing window of bars; a window longer than the series makes it
        // cumulative from the first bar, which is our session.
        List<SyntheticBar> bars = SyntheticBar.randomWalk(62, 5_000);
        VWAPIndicator reference = new VWAPIndicator(Ta4jSeries.of(bars), bars.size());
        Vwap vwap = new Vwap();

        for (int i = 0; i < bars.size(); i++) {
            SyntheticBar bar = bars.get(i);
            double value = vwap.update(bar.high(), bar.low(), bar.close(), bar.volume());
            if (vwap.isReady()) {
                double expected = Ta4jSeries.at(reference, i);
                assertThat(value).as("index %d", i).isCloseTo(expected, Tolerance.relative(expected));
            }
        }
    }

    @Test
    void rejectsNegativeOrNonFiniteInputs() {
        Vwap vwap = new Vwap();

        assertThatThrownBy(() -> vwap.update(12, 9, 10, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume");
        assertThatThrownBy(() -> vwap.update(12, 9, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close");
        assertThat(vwap.count()).isZero();
        assertThat(vwap.volume()).isZero();
    }
}
