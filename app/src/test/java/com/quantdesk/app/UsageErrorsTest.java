package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments end with exit code 2 and one line saying what is wrong, before any work is done. */
class UsageErrorsTest {

    @TempDir
    Path dir;

    @Test
    void rejectsAnUnknownTopLevelOptionAndPointsToHelp() {
        CliRun run = quantdesk("--bogus");

        assertUsageError(run, "quantdesk: Unknown option: '--bogus'", "Try 'quantdesk --help' for more.");
    }

    @Test
    void rejectsAnUnknownBacktestOptionAndPointsToTheSubcommandsHelp() {
        CliRun run = quantdesk("backtest", "--bogus");

        assertUsageError(run, "quantdesk: Unknown option: '--bogus'", "Try 'quantdesk backtest --help' for more.");
    }

    @Test
    void rejectsAnUnknownOptionOfANestedSubcommand() {
        CliRun run = quantdesk("data", "generate", "--bogus");

        assertUsageError(run, "quantdesk: Unknown option: '--bogus'",
                "Try 'quantdesk data generate --help' for more.");
    }

    @Test
    void rejectsAnUnknownSubcommand() {
        CliRun run = quantdesk("trade-everything");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.errLines()).first().asString().startsWith("quantdesk: Unmatched argument")
                .contains("'trade-everything'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsAnUnknownStrategyListingTheAvailableOnes() {
        CliRun run = quantdesk("backtest", "--strategy", "moon-shot");

        assertUsageError(run, "quantdesk: --strategy: unknown strategy 'moon-shot'; "
                + "available: sma-cross, rsi-reversion, donchian-breakout");
    }

    @Test
    void rejectsAParameterThatIsNotANumber() {
        CliRun run = quantdesk("backtest", "--param", "fast=abc");

        assertUsageError(run, "quantdesk: --param: parameter fast='abc' is not a number");
    }

    @Test
    void rejectsAParameterWithoutAValue() {
        CliRun run = quantdesk("backtest", "--param", "fast");

        assertUsageError(run, "quantdesk: --param: parameter fast='' is not a number");
    }

    @Test
    void rejectsAParameterBelowItsLowerBound() {
        CliRun run = quantdesk("backtest", "--param", "fast=0");

        assertUsageError(run, "quantdesk: --param: parameter fast=0 is outside 1..1000");
    }

    @Test
    void rejectsAParameterAboveItsUpperBound() {
        CliRun run = quantdesk("backtest", "--strategy", "rsi-reversion", "--param", "overbought=100");

        assertUsageError(run, "quantdesk: --param: parameter overbought=100 is outside 1..99");
    }

    @Test
    void rejectsAFractionForAWholeNumberParameter() {
        CliRun run = quantdesk("backtest", "--param", "slow=20.5");

        assertUsageError(run, "quantdesk: --param: parameter slow=20.5 must be a whole number");
    }

    @Test
    void rejectsAnUnknownParameterListingTheKnownOnes() {
        CliRun run = quantdesk("backtest", "--strategy", "donchian-breakout", "--param", "fast=5");

        assertUsageError(run, "quantdesk: --param: unknown parameter 'fast'; known: entry, exit, atr, atrMultiple, qty");
    }

    @Test
    void rejectsAFastPeriodAboveTheSlowOne() {
        CliRun run = quantdesk("backtest", "--param", "fast=30", "--param", "slow=10");

        assertUsageError(run, "quantdesk: --param: parameter fast=30 must be less than slow=10");
    }

    @Test
    void rejectsAFastPeriodEqualToTheSlowOne() {
        CliRun run = quantdesk("backtest", "--param", "fast=20", "--param", "slow=20");

        assertUsageError(run, "quantdesk: --param: parameter fast=20 must be less than slow=20");
    }

    @Test
    void rejectsAnOversoldLevelNotBelowTheOverboughtOne() {
        CliRun run = quantdesk("backtest", "--strategy", "rsi-reversion",
                "--param", "oversold=60", "--param", "overbought=40");

        assertUsageError(run, "quantdesk: --param: parameter oversold=60 must be less than overbought=40");
    }

    @Test
    void rejectsAQuantityOutsideTheStrategysQtyBounds() {
        CliRun run = quantdesk("backtest", "--qty", "0");

        assertUsageError(run, "quantdesk: --qty: parameter qty=0 is outside 1..10000000");
    }

    @Test
    void rejectsAMissingDataFile() {
        Path missing = dir.resolve("RELIANCE.csv");

        CliRun run = quantdesk("backtest", "--data", missing.toString());

        assertUsageError(run, "quantdesk: data file not found: " + missing);
    }

    @Test
    void rejectsAnUnknownBarSizeUnit() {
        CliRun run = quantdesk("backtest", "--bar", "7x");

        assertUsageError(run, "quantdesk: --bar: bar size '7x' is not one of 1d, <n>m or <n>h (e.g. 5m, 1h)");
    }

    @Test
    void rejectsAMultiDayBarSize() {
        CliRun run = quantdesk("backtest", "--bar", "2d");

        assertUsageError(run, "quantdesk: --bar: bar size '2d' is not one of 1d, <n>m or <n>h (e.g. 5m, 1h)");
    }

    @Test
    void rejectsABarLongerThanTheTradingSession() {
        CliRun run = quantdesk("backtest", "--bar", "400m");

        assertUsageError(run, "quantdesk: --bar: bar size '400m' must be 1d or from 1m to 375m (one session, 09:15-15:30)");
    }

    @Test
    void rejectsAZeroBarSize() {
        CliRun run = quantdesk("backtest", "--bar", "0m");

        assertUsageError(run, "quantdesk: --bar: bar size '0m' must be 1d or from 1m to 375m (one session, 09:15-15:30)");
    }

    @Test
    void rejectsAnInvalidSymbol() {
        CliRun run = quantdesk("backtest", "--symbols", "RELIANCE,tata motors!");

        assertUsageError(run, "quantdesk: --symbols: invalid symbol: 'TATA MOTORS!' "
                + "(use upper-case letters, digits, '&', '_', '.' or '-')");
    }

    @Test
    void rejectsAnEmptySymbolList() {
        CliRun run = quantdesk("backtest", "--symbols", " , ");

        assertUsageError(run, "quantdesk: --symbols: give at least one symbol, e.g. RELIANCE,INFY");
    }

    @Test
    void rejectsASymbolListedTwice() {
        CliRun run = quantdesk("backtest", "--symbols", "INFY,RELIANCE,infy");

        assertUsageError(run, "quantdesk: --symbols: INFY is listed twice");
    }

    @Test
    void rejectsAStartDateAfterTheEndDate() {
        CliRun run = quantdesk("backtest", "--from", "2024-03-01", "--to", "2024-01-01");

        assertUsageError(run, "quantdesk: --from/--to: from 2024-03-01 is after to 2024-01-01");
    }

    @Test
    void rejectsAPeriodWithoutTradingDays() {
        CliRun run = quantdesk("backtest", "--from", "2024-01-06", "--to", "2024-01-07");

        assertUsageError(run, "quantdesk: --from/--to: no trading days between 2024-01-06 and 2024-01-07");
    }

    @Test
    void rejectsADateThatIsNotADate() {
        CliRun run = quantdesk("backtest", "--from", "01/03/2024");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0))
                .startsWith("quantdesk: Invalid value for option '--from': cannot convert '01/03/2024'");
        assertThat(run.errLines().get(1)).isEqualTo("Try 'quantdesk backtest --help' for more.");
    }

    @Test
    void rejectsNegativeCapital() {
        CliRun run = quantdesk("backtest", "--capital", "-5000");

        assertUsageError(run, "quantdesk: --capital: must be positive, was -5000");
    }

    @Test
    void rejectsZeroCapital() {
        CliRun run = quantdesk("backtest", "--capital", "0");

        assertUsageError(run, "quantdesk: --capital: must be positive, was 0");
    }

    @Test
    void rejectsCapitalTooLargeForPaise() {
        CliRun run = quantdesk("backtest", "--capital", "1e30");

        assertUsageError(run, "quantdesk: --capital: 1000000000000000000000000000000 rupees is too large");
    }

    @Test
    void rejectsDataFilesTogetherWithTheSyntheticMarket() {
        CliRun run = quantdesk("backtest", "--data", dir.resolve("RELIANCE.csv").toString(), "--synthetic");

        assertUsageError(run, "quantdesk: Error: --data=FILE, --synthetic are mutually exclusive (specify only one)",
                "Try 'quantdesk backtest --help' for more.");
    }

    @Test
    void rejectsNegativeSlippage() {
        CliRun run = quantdesk("backtest", "--slippage-bps", "-5", "--from", "2024-01-01", "--to", "2024-01-31");

        assertUsageError(run, "quantdesk: --slippage-bps: must be within 0..10000, was -5");
    }

    @Test
    void rejectsAVolumeCapAboveOne() {
        CliRun run = quantdesk("backtest", "--volume-cap", "2", "--from", "2024-01-01", "--to", "2024-01-31");

        assertUsageError(run, "quantdesk: --volume-cap: must be within 0..1 (0 = no cap), was 2");
    }

    @Test
    void rejectsSlippageAboveTenThousandBasisPoints() {
        CliRun run = quantdesk("backtest", "--slippage-bps", "10001");

        assertUsageError(run, "quantdesk: --slippage-bps: must be within 0..10000, was 10001");
    }

    @Test
    void rejectsANegativeVolumeCap() {
        CliRun run = quantdesk("backtest", "--volume-cap", "-0.5");

        assertUsageError(run, "quantdesk: --volume-cap: must be within 0..1 (0 = no cap), was -0.5");
    }

    @Test
    void rejectsAVolumeCapThatIsNotANumber() {
        CliRun run = quantdesk("backtest", "--volume-cap", "NaN");

        assertUsageError(run, "quantdesk: --volume-cap: must be within 0..1 (0 = no cap), was NaN");
    }

    @Test
    void rejectsCapitalInFractionsOfAPaisa() {
        CliRun run = quantdesk("backtest", "--capital", "100.005");

        assertUsageError(run, "quantdesk: --capital: rupees with at most two decimals (whole paise), was 100.005");
    }

    @Test
    void rejectsAJsonOutputThatIsADirectoryBeforeRunning() {
        CliRun run = quantdesk("backtest", "--json", dir.toString());

        assertUsageError(run, "quantdesk: --json: " + dir + " is a directory; give a file name");
    }

    @Test
    void rejectsAReportInADirectoryThatDoesNotExistBeforeRunning() {
        Path report = dir.resolve("missing").resolve("out.html");

        CliRun run = quantdesk("backtest", "--report", report.toString());

        assertUsageError(run, "quantdesk: --report: directory " + dir.resolve("missing") + " does not exist");
    }

    @Test
    void rejectsAJsonOutputUnderAFileBeforeRunning() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("plain.txt"), "x");

        CliRun run = quantdesk("backtest", "--json", file.resolve("out.json").toString());

        assertUsageError(run, "quantdesk: --json: " + file + " is not a directory");
    }

    @Test
    void rejectsTheSameFileForTheReportAndTheJson() {
        Path out = dir.resolve("out");

        CliRun run = quantdesk("backtest", "--report", out.toString(), "--json", out.toString());

        assertUsageError(run, "quantdesk: --report and --json name the same file: " + out);
        assertThat(out).doesNotExist();
    }

    @Test
    void rejectsAnUnknownBarSizeWhenGeneratingData() {
        CliRun run = quantdesk("data", "generate", "--bar", "1w", "--out", dir.toString());

        assertUsageError(run, "quantdesk: --bar: bar size '1w' is not one of 1d, <n>m or <n>h (e.g. 5m, 1h)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void rejectsReversedDatesWhenGeneratingData() {
        CliRun run = quantdesk("data", "generate", "--from", "2024-03-01", "--to", "2024-01-01",
                "--out", dir.toString());

        assertUsageError(run, "quantdesk: --from/--to: from 2024-03-01 is after to 2024-01-01");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void rejectsAnInvalidSymbolWhenGeneratingData() {
        CliRun run = quantdesk("data", "generate", "--symbols", "INFY,,$$$", "--out", dir.toString());

        assertUsageError(run, "quantdesk: --symbols: invalid symbol: '$$$' "
                + "(use upper-case letters, digits, '&', '_', '.' or '-')");
        assertThat(dir).isEmptyDirectory();
    }

    /** Exit code 2, exactly {@code errLines} on standard error, nothing on standard output. */
    @Test
    void rejectsARiskFreeRateAtOrBelowMinusOneBeforeRunning() {
        CliRun run = quantdesk("backtest", "--risk-free", "-1");

        assertUsageError(run, "quantdesk: --risk-free: must be a fraction above -1 (e.g. 0.065), was -1");
    }

    @Test
    void rejectsQtyGivenTwice() {
        CliRun run = quantdesk("backtest", "--qty", "5", "--param", "qty=7");

        assertUsageError(run, "quantdesk: --qty and --param qty=... both given; use one");
    }

    @Test
    void rejectsSyntheticOptionsTogetherWithDataFiles() throws Exception {
        Path file = dir.resolve("RELIANCE.csv");
        java.nio.file.Files.writeString(file, "2024-01-01,1,1,1,1,1\n");

        CliRun run = quantdesk("backtest", "--data", file.toString(), "--symbols", "INFY");

        assertUsageError(run, "quantdesk: --symbols applies to the synthetic market only; with --data each "
                + "file's name is its symbol and its rows are the period");
    }

    private static void assertUsageError(CliRun run, String... errLines) {
        assertThat(run.exitCode()).as("exit code; stderr was %s", run.err()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.errLines()).containsExactly(errLines);
        assertThat(run.out()).isEmpty();
    }
}
