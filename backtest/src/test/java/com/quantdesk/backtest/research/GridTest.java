package com.quantdesk.backtest.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void parsesRangesWithAndWithoutAStepAndLists() {
        assertThat(ParameterAxis.parse("fast=5..50:5", 100).values())
                .containsExactly(5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0, 45.0, 50.0);
        assertThat(ParameterAxis.parse("fast=3..6", 100).values()).containsExactly(3.0, 4.0, 5.0, 6.0);
        assertThat(ParameterAxis.parse("slow=20,30, 50", 100).values()).containsExactly(20.0, 30.0, 50.0);
        assertThat(ParameterAxis.parse("x=0.1..0.5:0.1", 100).values()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);
        assertThat(ParameterAxis.parse("slow=20..45:10", 100).values()).containsExactly(20.0, 30.0, 40.0);
    }

    @Test
    void combinationsVaryTheLastAxisFastest() {
        Grid grid = Grid.parse(List.of("fast=5,10", "slow=20,30,40"));

        assertThat(grid.size()).isEqualTo(6);
        assertThat(grid.combination(0)).isEqualTo(Map.of("fast", 5.0, "slow", 20.0));
        assertThat(grid.combination(2)).isEqualTo(Map.of("fast", 5.0, "slow", 40.0));
        assertThat(grid.combination(3)).isEqualTo(Map.of("fast", 10.0, "slow", 20.0));
    }

    @Test
    void malformedAxesAreRejectedQuotingTheText() {
        assertThatThrownBy(() -> ParameterAxis.parse("fast", 100)).hasMessage(
                "'fast' is not NAME=FROM..TO:STEP or NAME=A,B,C");
        assertThatThrownBy(() -> ParameterAxis.parse("fast=5..x", 100)).hasMessage("'fast=5..x': 'x' is not a number");
        assertThatThrownBy(() -> ParameterAxis.parse("fast=5..50:0", 100)).hasMessage(
                "'fast=5..50:0': the step must be positive");
        assertThatThrownBy(() -> ParameterAxis.parse("fast=50..5", 100)).hasMessage(
                "'fast=50..5': the range ends below its start");
        assertThatThrownBy(() -> ParameterAxis.parse("fast=5,5", 100)).hasMessage(
                "'fast=5,5': a value is listed twice");
        assertThatThrownBy(() -> ParameterAxis.parse("fast=1..1000000", 1000)).hasMessage(
                "'fast=1..1000000': 1000000 values, more than the 1000 a sweep allows");
        assertThatThrownBy(() -> Grid.parse(List.of("fast=1,2", "fast=3"))).hasMessage(
                "'fast=3': parameter fast is swept twice");
    }

    @Test
    void axesAreCheckedAgainstTheStrategysParameters() {
        var specs = SmaCrossStrategy.DESCRIPTOR.parameters();

        assertThatThrownBy(() -> Grid.parse(List.of("speed=1,2")).validate(specs)).hasMessage(
                "'speed=1,2': unknown parameter 'speed'; known: fast, slow, qty");
        assertThatThrownBy(() -> Grid.parse(List.of("fast=0..10:5")).validate(specs)).hasMessage(
                "'fast=0..10:5': parameter fast=0 is outside 1..1000");
        assertThatThrownBy(() -> Grid.parse(List.of("fast=2.5,3")).validate(specs)).hasMessage(
                "'fast=2.5,3': parameter fast=2.5 must be a whole number");
    }
}
