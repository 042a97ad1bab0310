package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantdesk backtest} end to end: data in, summary, HTML and JSON out. */
class BacktestCommandTest {

    @TempDir
    Path dir;

    @Test
    void backtestsTheCsvFilesThatDataGenerateWrote() {
        Path[] files = generateRelianceAndInfyForQ1();

        CliRun run = quantdesk("backtest", "--data", files[0].toString(), files[1].toString(), "--no-progress");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains(
                "Backtest  sma-cross (fast=10, slow=30, qty=10)",
                "Symbols   RELIANCE,INFY",
                "Period    2024-01-01 → 2024-03-29  (130 bars)");
    }

    @Test
    void theSameBacktestTwiceWritesByteIdenticalJson() throws IOException {
        Path[] files = generateRelianceAndInfyForQ1();
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        CliRun one = quantdesk("backtest", "--data", files[0].toString(), files[1].toString(),
                "--json", first.toString(), "--no-progress");
        CliRun two = quantdesk("backtest", "--data", files[0].toString(), files[1].toString(),
                "--json", second.toString(), "--no-progress");

        assertThat(one.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(two.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(Files.size(first)).isPositive();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void syntheticBacktestPrintsTheSummaryAndWritesBothReports() throws IOException {
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");

        CliRun run = quantdesk("backtest", "--synthetic", "--symbols", "RELIANCE", "--report", html.toString(),
                "--json", json.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Total return", "Sharpe", "Max drawdown", "Total charges");
        assertThat(run.outLines()).endsWith("HTML report: " + html.toAbsolutePath(),
                "JSON result: " + json.toAbsolutePath());

        String page = Files.readString(html);
        assertThat(page).startsWithIgnoringCase("<!doctype html>").contains("RELIANCE")
                .doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://");

        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.path("trades").isArray()).isTrue();
        assertThat(result.path("orders").isArray()).isTrue();
        assertThat(result.path("fills").isArray()).isTrue();
        assertThat(result.path("metrics").isObject()).isTrue();
        assertThat(result.path("trades")).isNotEmpty();
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line)
                .matches("Orders / fills +" + result.path("orders").size() + " / " + result.path("fills").size()));
    }

    @Test
    void withoutTheRiskEngineTheVenueStillRefusesOrdersBeyondTheCapital() throws IOException {
        Path json = dir.resolve("small.json");

        CliRun run = quantdesk("backtest", "--synthetic", "--symbols", "RELIANCE", "--capital", "100", "--no-risk",
                "--json", json.toString(), "--no-progress");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.path("fills")).isEmpty();
        assertThat(result.path("orders")).isNotEmpty().allSatisfy(order -> {
            assertThat(order.path("status").asText()).isEqualTo("REJECTED");
            assertThat(order.path("reason").asText()).startsWith("VENUE_INSUFFICIENT_FUNDS: order needs ₹")
                    .endsWith(" but ₹100.00 is available");
        });
        assertThat(result.path("finalEquity").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(result.path("openPositions")).isEmpty();
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches("Total return +0\\.00%"));
    }

    @Test
    void theSummaryShowsIntradayPeriodsWithTheirIstTimes() {
        CliRun run = quantdesk("backtest", "--synthetic", "--symbols", "RELIANCE", "--bar", "1m",
                "--from", "2024-01-01", "--to", "2024-01-05", "--no-progress");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        // Five sessions of 375 one-minute bars, the last stamped 15:29.
        assertThat(run.outLines()).contains("Period    2024-01-01 09:15 → 2024-01-05 15:29 IST  (1,875 bars)");
    }

    @Test
    void qtyOptionSetsTheStrategysQuantityParameter() {
        CliRun run = quantdesk("backtest", "--strategy", "rsi-reversion", "--qty", "25",
                "--from", "2024-01-01", "--to", "2024-03-31");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.outLines()).contains("Backtest  rsi-reversion (period=14, oversold=30, overbought=70, qty=25)");
    }

    @Test
    void chargesAreZeroWithNoCharges() {
        CliRun run = quantdesk("backtest", "--no-charges", "--from", "2024-01-01", "--to", "2024-12-31");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches("Total charges +₹0\\.00"));
    }

    @Test
    void skipBadRowsRunsOnTheGoodRowsAndNotesEachSkippedOne() throws IOException {
        Path file = generate("RELIANCE", "2024-01-01", "2024-03-31").resolve("RELIANCE.csv");
        int badLine = Files.readAllLines(file).size() + 1;
        Files.writeString(file, "2024-04-01,100,99,101,100,1000\n", StandardOpenOption.APPEND);

        CliRun strict = quantdesk("backtest", "--data", file.toString());
        CliRun lenient = quantdesk("backtest", "--data", file.toString(), "--skip-bad-rows");

        assertThat(strict.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(strict.errLines())
                .containsExactly("quantdesk: " + file + ", line " + badLine + ": high 99.00 < low 101.00");
        assertThat(lenient.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(lenient.errLines())
                .containsExactly("note: skipped " + file + ", line " + badLine + ": high 99.00 < low 101.00");
        assertThat(lenient.outLines()).contains("Period    2024-01-01 → 2024-03-29  (65 bars)");
    }

    private Path[] generateRelianceAndInfyForQ1() {
        Path out = generate("RELIANCE,INFY", "2024-01-01", "2024-03-31");
        return new Path[] {out.resolve("RELIANCE.csv"), out.resolve("INFY.csv")};
    }

    private Path generate(String symbols, String from, String to) {
        Path out = dir.resolve("data");
        CliRun run = quantdesk("data", "generate", "--symbols", symbols, "--from", from, "--to", to,
                "--out", out.toString());
        assertThat(run.exitCode()).as("data generate: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        return out;
    }
}
