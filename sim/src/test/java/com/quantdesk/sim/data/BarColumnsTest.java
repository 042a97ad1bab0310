package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bars handed out over their columns: the same bars, checked when handed out, and read-only. */
class BarColumnsTest {

    private static final Symbol INFY = Symbol.of("INFY");
    private static final Instant T0 = Instant.parse("2026-03-02T03:45:00Z");

    private static BarColumns columns(long[]... rows) {
        BarColumns columns = new BarColumns(1);
        for (int i = 0; i < rows.length; i++) {
            long[] r = rows[i];
            columns.add(T0.getEpochSecond() + 60L * i, i == 1 ? 500 : 0, r[0], r[1], r[2], r[3], r[4]);
        }
        return columns;
    }

    @Test
    void theListHoldsTheBarsOfTheColumns() {
        List<Bar> bars = columns(new long[] {100, 110, 90, 105, 7}, new long[] {105, 106, 101, 102, 0},
                new long[] {102, 102, 102, 102, 3}).toBars(INFY);

        assertThat(bars).containsExactly(new Bar(INFY, T0, 100, 110, 90, 105, 7),
                new Bar(INFY, T0.plusSeconds(60).plusNanos(500), 105, 106, 101, 102, 0),
                new Bar(INFY, T0.plusSeconds(120), 102, 102, 102, 102, 3));
        assertThat(bars).isEqualTo(List.copyOf(bars));
        assertThat(bars.subList(1, 3)).hasSize(2).first().extracting(Bar::open).isEqualTo(105L);
        assertThatThrownBy(() -> bars.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aBadRowFailsWhenTheBarsAreHandedOutWithBarsOwnMessage() {
        BarColumns columns = columns(new long[] {100, 110, 90, 105, 7}, new long[] {120, 110, 90, 105, 7});

        assertThatThrownBy(() -> columns.toBars(INFY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("open/close outside high-low: INFY at 2026-03-02T03:46:00.000000500Z");
        assertThatThrownBy(() -> columns(new long[] {100, 110, 90, 105, -1}).toBars(INFY))
                .hasMessage("negative volume: INFY at 2026-03-02T03:45:00Z");
        assertThatThrownBy(() -> columns(new long[] {100, 90, 110, 100, 1}).toBars(INFY))
                .hasMessage("high < low: INFY at 2026-03-02T03:45:00Z");
    }

    @Test
    void theListCannotBeChanged() {
        List<Bar> bars = columns(new long[] {100, 110, 90, 105, 7}).toBars(INFY);

        assertThatThrownBy(() -> bars.add(bars.getFirst())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> bars.set(0, bars.getFirst())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> bars.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFileKeepsTheViewWithoutMakingEveryBar() {
        List<Bar> bars = columns(new long[] {100, 110, 90, 105, 7}).toBars(INFY);

        assertThat(new BarFile(INFY, java.nio.file.Path.of("INFY.csv"), bars, 0, List.of()).bars()).isSameAs(bars);
    }
}
