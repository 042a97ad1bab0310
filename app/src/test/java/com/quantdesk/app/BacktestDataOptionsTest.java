package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest --ohlc-fix}, the bar cache, {@code --no-cache} and {@code --timing}. */
class BacktestDataOptionsTest {

    private static final String ROWS = """
            date,open,high,low,close,volume
            2024-01-01,100,101,99,100.5,1000
            2024-01-02,102,101,99,100,1000
            2024-01-03,100,101,99,98.25,1000
            2024-01-04,100,101,99,100,1000
            """;

    @TempDir
    Path dir;

    @Test
    void clampWidensTheRowsAndSaysHowMany() throws IOException {
        Path file = Files.writeString(dir.resolve("RELIANCE.csv"), ROWS);

        CliRun run = quantdesk("backtest", "--data", file.toString(), "--ohlc-fix", "clamp", "--no-progress");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.errLines()).containsExactly(
                "note: " + file + ": 2 rows had open/close outside high-low: widened");
        assertThat(run.out()).contains("(4 bars)");
    }

    @Test
    void strictIsTheDefaultAndFailsOnTheFirstSuchRow() throws IOException {
        Path file = Files.writeString(dir.resolve("RELIANCE.csv"), ROWS);

        CliRun run = quantdesk("backtest", "--data", file.toString(), "--no-progress");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.errLines()).containsExactly(
                "quantdesk: " + file + ", line 3: open 102.00 outside high-low 99.00-101.00");
    }

    @Test
    void anUnknownOhlcFixIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("RELIANCE.csv"), ROWS);

        CliRun run = quantdesk("backtest", "--data", file.toString(), "--ohlc-fix", "widen");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).contains("--ohlc-fix: must be strict or clamp, was 'widen'");
    }

    @Test
    void theSecondRunReadsTheBarCacheAndTimingSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("RELIANCE.csv"), ROWS);
        Path json = dir.resolve("r.json");

        CliRun first = quantdesk("backtest", "--data", file.toString(), "--ohlc-fix", "clamp", "--no-progress",
                "--timing", "--json", json.toString());
        JsonNode firstTiming = new ObjectMapper().readTree(json.toFile()).path("timing");
        CliRun second = quantdesk("backtest", "--data", file.toString(), "--ohlc-fix", "clamp", "--no-progress",
                "--timing", "--json", json.toString());
        JsonNode secondTiming = new ObjectMapper().readTree(json.toFile()).path("timing");

        assertThat(first.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(second.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(Files.exists(dir.resolve(".RELIANCE.csv.qdbars"))).isTrue();
        assertThat(firstTiming.path("barSource").asText()).isEqualTo("csv");
        assertThat(secondTiming.path("barSource").asText()).isEqualTo("cache");
        assertThat(fieldNames(secondTiming)).containsExactly("barSource", "readSeconds", "engineSeconds",
                "metricsSeconds", "reportSeconds");
        assertThat(second.errLines()).isEqualTo(first.errLines());
        assertThat(second.outLines()).filteredOn(line -> line.startsWith("Timing    read "))
                .singleElement().asString().contains("(cache), engine ");
    }

    @Test
    void noCacheNeitherReadsNorWritesTheCache() throws IOException {
        Path file = Files.writeString(dir.resolve("RELIANCE.csv"), ROWS.replace("102,101", "100,101")
                .replace("98.25", "99.25"));
        Path json = dir.resolve("r.json");

        CliRun run = quantdesk("backtest", "--data", file.toString(), "--no-cache", "--no-progress", "--timing",
                "--json", json.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(Files.exists(dir.resolve(".RELIANCE.csv.qdbars"))).isFalse();
        assertThat(new ObjectMapper().readTree(json.toFile()).path("timing").path("barSource").asText())
                .isEqualTo("csv");
    }

    @Test
    void withoutTimingTheJsonHasNone() throws IOException {
        Path json = dir.resolve("r.json");

        CliRun run = quantdesk("backtest", "--synthetic", "--no-progress", "--json", json.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(new ObjectMapper().readTree(json.toFile()).has("timing")).isFalse();
        assertThat(run.out()).doesNotContain("Timing");
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
