package com.quantdesk.backtest;

import static com.quantdesk.backtest.Bars.bar;
import static com.quantdesk.backtest.Bars.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BarMergerTest {

    private static final Symbol ACC = Symbol.of("ACC");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Symbol TCS = Symbol.of("TCS");

    @Test
    void mergesInTimeOrderAndBreaksTiesBySymbol() {
        List<Bar> tcs = List.of(bar(TCS, 0, 100_00, 100_00), bar(TCS, 1, 101_00, 101_00), bar(TCS, 3, 103_00, 103_00));
        List<Bar> acc = List.of(bar(ACC, 1, 201_00, 201_00), bar(ACC, 2, 202_00, 202_00), bar(ACC, 3, 203_00, 203_00));
        List<Bar> infy = List.of(bar(INFY, 0, 300_00, 300_00), bar(INFY, 3, 303_00, 303_00));

        List<Bar> merged = BarMerger.merge(List.of(tcs, acc, infy));

        assertThat(merged).extracting(Bar::time, Bar::symbol).containsExactly(
                tuple(day(0), INFY), tuple(day(0), TCS),
                tuple(day(1), ACC), tuple(day(1), TCS),
                tuple(day(2), ACC),
                tuple(day(3), ACC), tuple(day(3), INFY), tuple(day(3), TCS));
    }

    @Test
    void keepsASingleSeriesAsItIs() {
        List<Bar> tcs = List.of(bar(TCS, 0, 100_00, 100_00), bar(TCS, 1, 101_00, 101_00));

        assertThat(BarMerger.merge(List.of(tcs))).isEqualTo(tcs);
    }

    @Test
    void skipsEmptySeries() {
        List<Bar> tcs = List.of(bar(TCS, 0, 100_00, 100_00), bar(TCS, 1, 101_00, 101_00));

        assertThat(BarMerger.merge(List.of(List.of(), tcs, List.of()))).isEqualTo(tcs);
    }

    @Test
    void runnerRecordsOneEquityPointPerDistinctTimeWhenSymbolsMissDays() {
        Map<Symbol, List<Bar>> data = new LinkedHashMap<>();
        data.put(TCS, List.of(bar(TCS, 0, 100_00, 100_00), bar(TCS, 1, 101_00, 101_00), bar(TCS, 3, 103_00, 103_00)));
        data.put(ACC, List.of(bar(ACC, 1, 201_00, 201_00), bar(ACC, 2, 202_00, 202_00)));

        BacktestResult result = new BacktestRunner().run(Backtests.config(SmaCrossStrategy.DESCRIPTOR, Map.of(),
                data, 5, Optional.empty(), Backtests.CAPITAL));

        assertThat(result.barCount()).isEqualTo(5);
        assertThat(result.curve()).extracting(p -> p.time()).containsExactly(day(0), day(0), day(1), day(2),
                day(3));
        assertThat(result.from()).isEqualTo(day(0));
        assertThat(result.to()).isEqualTo(day(3));
        assertThat(result.symbols()).containsExactly(TCS, ACC);
    }
}
