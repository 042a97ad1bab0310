package com.quantdesk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Several symbols in one run trade as if each ran alone, as long as cash never binds. */
class MultiSymbolBacktestTest {

    private static final Symbol TCS = Symbol.of("TCS");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Symbol SBIN = Symbol.of("SBIN");
    private static final List<Symbol> SYMBOLS = List.of(TCS, INFY, SBIN);
    private static final SyntheticMarketConfig MARKET = SyntheticMarketConfig.defaults(SYMBOLS,
            LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));
    private static final long CAPITAL = 1_00_00_000_00L; // ₹1 crore; 10 shares never use it up

    private final BacktestRunner runner = new BacktestRunner();

    @Test
    void eachSymbolTradesExactlyAsItDoesAlone() {
        BacktestResult together = runner.run(Backtests.synthetic(MARKET, CAPITAL));

        long pnlAlone = 0;
        for (Symbol symbol : SYMBOLS) {
            BacktestResult alone = runner.run(Backtests.synthetic(MARKET.withSymbols(List.of(symbol)), CAPITAL));

            assertThat(alone.trades()).as("%s must trade to be a useful check", symbol).isNotEmpty();
            assertThat(together.trades().stream().filter(t -> t.symbol().equals(symbol)).toList())
                    .as("trades of %s", symbol).isEqualTo(alone.trades());
            assertThat(fillsOf(together, symbol)).as("fills of %s", symbol).isEqualTo(fillsOf(alone, symbol));
            assertThat(together.openPositions().stream().filter(p -> p.symbol().equals(symbol)).toList())
                    .isEqualTo(alone.openPositions());
            pnlAlone += alone.finalEquity() - CAPITAL;
        }
        assertThat(together.finalEquity() - CAPITAL).isEqualTo(pnlAlone);
    }

    @Test
    void tradesCloseInTimeOrderAcrossSymbols() {
        BacktestResult together = runner.run(Backtests.synthetic(MARKET, CAPITAL));

        assertThat(together.trades()).extracting(RoundTrip::exitTime).isSorted();
        assertThat(together.fills()).extracting(FillRecord::time).isSorted();
        assertThat(together.trades()).extracting(RoundTrip::symbol).containsAll(SYMBOLS);
    }

    @Test
    void recordsOneEquityPointPerDistinctBarTimePlusTheStart() {
        BacktestConfig config = Backtests.synthetic(MARKET, CAPITAL);
        Set<Instant> times = new TreeSet<>();
        long bars = 0;
        for (List<Bar> series : config.data().values()) {
            series.forEach(bar -> times.add(bar.time()));
            bars += series.size();
        }

        BacktestResult result = runner.run(config);

        assertThat(result.barCount()).isEqualTo(bars);
        assertThat(result.curve()).hasSize(times.size() + 1);
        assertThat(result.curve().getFirst().equityPaise()).isEqualTo(CAPITAL);
        assertThat(result.curve().getLast().equityPaise()).isEqualTo(result.finalEquity());
    }

    private static List<Tuple> fillsOf(BacktestResult result, Symbol symbol) {
        return result.fills().stream().filter(f -> f.symbol().equals(symbol))
                .map(f -> tuple(f.time(), f.side(), f.quantity(), f.price(), f.charges())).toList();
    }
}
