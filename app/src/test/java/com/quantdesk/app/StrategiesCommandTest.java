package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code quantdesk strategies} lists every built-in strategy with its parameters, defaults and bounds. */
class StrategiesCommandTest {

    @Test
    void listsTheBuiltInStrategiesInCatalogOrder() {
        CliRun run = quantdesk("strategies");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().stream().filter(line -> !line.isBlank() && !line.startsWith(" ")))
                .containsExactly("sma-cross", "rsi-reversion", "donchian-breakout");
    }

    @Test
    void showsEachParameterWithItsDefaultAndRange() {
        CliRun run = quantdesk("strategies");

        assertThat(run.outLines()).containsSubsequence(
                "sma-cross",
                "    fast         default 10       range 1..1000        fast SMA period, bars",
                "    slow         default 30       range 2..5000        slow SMA period, bars",
                "    qty          default 10       range 1..10000000    shares per entry",
                "rsi-reversion",
                "    period       default 14       range 2..1000        RSI period, bars (Wilder)",
                "    oversold     default 30       range 1..99          buy below this RSI",
                "    overbought   default 70       range 1..99          sell above this RSI",
                "    qty          default 10       range 1..10000000    shares per entry",
                "donchian-breakout",
                "    entry        default 20       range 2..1000        breakout channel, bars",
                "    exit         default 10       range 2..1000        exit channel, bars",
                "    atr          default 14       range 2..1000        ATR period, bars (Wilder)",
                "    atrMultiple  default 2        range 0.5..20        stop distance in ATRs",
                "    qty          default 10       range 1..10000000    shares per entry");
    }

    @Test
    void describesEachStrategyInOneLine() {
        CliRun run = quantdesk("strategies");

        assertThat(run.outLines()).contains(
                "  Long-only simple moving average crossover: buy when fast crosses above slow, sell when below",
                "  Long-only RSI mean reversion: buy when oversold, sell when overbought",
                "  Long-only Donchian channel breakout with an ATR protective stop");
    }

    @Test
    void rejectsArgumentsItDoesNotTake() {
        CliRun run = quantdesk("strategies", "sma-cross");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.errLines()).last().isEqualTo("Try 'quantdesk strategies --help' for more.");
        assertThat(run.out()).isEmpty();
    }
}
