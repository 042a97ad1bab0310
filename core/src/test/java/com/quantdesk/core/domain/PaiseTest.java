package com.quantdesk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaiseTest {

    @Test
    void parsesAndFormatsRupees() {
        assertThat(Paise.parse("1407.50")).isEqualTo(140_750);
        assertThat(Paise.parse("4044.89990234375")).isEqualTo(404_490);
        assertThat(Paise.parse("0.005")).isZero();
        assertThat(Paise.parse("0.015")).isEqualTo(2);
        assertThat(Paise.format(-12_345)).isEqualTo("-123.45");
    }

    @Test
    void timesThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> Paise.times(Long.MAX_VALUE / 2, 3)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofRupees(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void roundsToTicks() {
        assertThat(Paise.roundToTick(140_012, 5)).isEqualTo(140_010);
        assertThat(Paise.roundToTick(140_013, 5)).isEqualTo(140_015);
        assertThat(Paise.floorToTick(140_019, 10)).isEqualTo(140_010);
        assertThat(Paise.ceilToTick(140_011, 10)).isEqualTo(140_020);
        assertThat(Paise.roundToTick(1400.124, 5)).isEqualTo(140_010);
    }

    @Test
    void nseTickFollowsPriceBands() {
        assertThat(Instrument.nseTickFor(249_99)).isEqualTo(1);
        assertThat(Instrument.nseTickFor(250_00)).isEqualTo(5);
        assertThat(Instrument.nseTickFor(1_000_00)).isEqualTo(5);
        assertThat(Instrument.nseTickFor(1_000_01)).isEqualTo(10);
        assertThat(Instrument.nseTickFor(20_000_01)).isEqualTo(500);
    }

    @Test
    void rejectsInvalidValuesWithTheFieldNamed() {
        assertThatThrownBy(() -> Quantity.of(0)).hasMessageContaining("quantity");
        assertThatThrownBy(() -> Symbol.of("bad symbol")).hasMessageContaining("symbol");
        assertThatThrownBy(() -> AccountId.of("")).hasMessageContaining("account id");
        assertThat(Symbol.of("m&m").value()).isEqualTo("M&M");
    }
}
