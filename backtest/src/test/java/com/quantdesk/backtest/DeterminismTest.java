package com.quantdesk.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.backtest.report.JsonReport;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same configuration always gives the same run, to the byte. */
class DeterminismTest {

    private static final SyntheticMarketConfig MARKET = SyntheticMarketConfig.defaults(
            List.of(Symbol.of("TCS"), Symbol.of("INFY"), Symbol.of("SBIN")),
            LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));

    private final BacktestRunner runner = new BacktestRunner();

    @Test
    void sameConfigTwiceGivesTheSameHashTradesAndJsonBytes() throws IOException {
        BacktestConfig config = Backtests.synthetic(MARKET, 1_00_00_000_00L);

        BacktestResult first = runner.run(config);
        BacktestResult second = runner.run(config);

        assertThat(first.trades()).as("the run must trade to be a useful check").hasSizeGreaterThan(5);
        assertThat(second.eventStreamHash()).isEqualTo(first.eventStreamHash()).hasSize(64);
        assertThat(second.eventCount()).isEqualTo(first.eventCount());
        assertThat(second.trades()).isEqualTo(first.trades());
        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(second.fills()).isEqualTo(first.fills());
        assertThat(second.finalEquity()).isEqualTo(first.finalEquity());
        assertThat(json(second)).isEqualTo(json(first));
    }

    @Test
    void sameConfigBuiltAgainFromTheSeedGivesTheSameHash() {
        BacktestResult first = runner.run(Backtests.synthetic(MARKET, 1_00_00_000_00L));
        BacktestResult second = runner.run(Backtests.synthetic(MARKET, 1_00_00_000_00L));

        assertThat(second.eventStreamHash()).isEqualTo(first.eventStreamHash());
    }

    @Test
    void anotherSeedGivesAnotherHash() {
        BacktestResult seed42 = runner.run(Backtests.synthetic(MARKET, 1_00_00_000_00L));
        BacktestResult seed43 = runner.run(Backtests.synthetic(MARKET.withSeed(43), 1_00_00_000_00L));

        assertThat(seed43.eventStreamHash()).isNotEqualTo(seed42.eventStreamHash());
        assertThat(seed43.trades()).isNotEqualTo(seed42.trades());
    }

    private static byte[] json(BacktestResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(out, result);
        return out.toByteArray();
    }
}
