package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantdesk sweep} end to end: grid in, ranked table, CSV, JSON and HTML out. */
class SweepCommandTest {

    @TempDir
    Path dir;

    @Test
    void sweepsTheGridOverCsvDataAndWritesEveryCombination() throws IOException {
        Path data = generate();
        Path csv = dir.resolve("s.csv");
        Path json = dir.resolve("s.json");
        Path html = dir.resolve("s.html");

        CliRun run = quantdesk("sweep", "--grid", "fast=5..20:5", "--grid", "slow=10,20,30", "--data",
                data.toString(), "--rank-by", "return", "--top", "3", "--csv", csv.toString(), "--json",
                json.toString(), "--html", html.toString(), "--no-progress", "--threads", "2");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Sweep     sma-cross, 12 combinations: 8 ran, 4 skipped",
                "fast=10 must be less than slow=10");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(13);
        assertThat(lines.getFirst()).startsWith("index,rank,fast,slow,status,trades,total_return");
        assertThat(lines).filteredOn(l -> l.contains(",skipped")).hasSize(4);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("results")).hasSize(8);
        assertThat(root.path("skippedCombinations")).hasSize(4);
        assertThat(root.path("rankBy").asText()).isEqualTo("return");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg class=\"chart heatmap\"", "<title>fast=5, slow=10:")
                .doesNotContain("http://", "https://");
    }

    @Test
    void theTableIsTheSameOnOneThreadAndOnFour() {
        Path data = generate();

        CliRun one = quantdesk("sweep", "--grid", "fast=3..12:3", "--grid", "slow=15..30:5", "--data",
                data.toString(), "--threads", "1", "--no-progress", "--min-trades", "0");
        CliRun four = quantdesk("sweep", "--grid", "fast=3..12:3", "--grid", "slow=15..30:5", "--data",
                data.toString(), "--threads", "4", "--no-progress", "--min-trades", "0");

        assertThat(one.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(withoutTiming(four.outLines())).isEqualTo(withoutTiming(one.outLines()));
    }

    @Test
    void badGridValuesAreUsageErrorsNamingTheOption() {
        Path data = generate();

        assertUsageError(quantdesk("sweep", "--grid", "speed=1,2", "--data", data.toString()),
                "quantdesk: --grid 'speed=1,2': unknown parameter 'speed'; known: fast, slow, qty");
        assertUsageError(quantdesk("sweep", "--grid", "fast=5..50:0", "--data", data.toString()),
                "quantdesk: --grid 'fast=5..50:0': the step must be positive");
        assertUsageError(quantdesk("sweep", "--grid", "fast=0..10:5", "--data", data.toString()),
                "quantdesk: --grid 'fast=0..10:5': parameter fast=0 is outside 1..1000");
        assertUsageError(quantdesk("sweep", "--grid", "fast=5,10", "--param", "fast=3", "--data", data.toString()),
                "quantdesk: --param fast is also swept by --grid fast=5,10; give it one way");
        assertUsageError(quantdesk("sweep", "--grid", "fast=5,10", "--rank-by", "luck", "--data", data.toString()),
                "quantdesk: --rank-by: unknown metric 'luck'; known: sharpe, sortino, return, cagr, calmar, "
                        + "profit-factor, win-rate, max-drawdown");
    }

    @Test
    void outputPathsAreCheckedBeforeTheSweepRuns() {
        Path data = generate();
        Path missing = dir.resolve("no-such-dir").resolve("s.csv");

        assertUsageError(quantdesk("sweep", "--grid", "fast=5,10", "--data", data.toString(), "--csv",
                missing.toString()), "quantdesk: --csv: directory " + missing.getParent() + " does not exist");
        assertUsageError(quantdesk("sweep", "--grid", "fast=5,10", "--data", data.toString(), "--html",
                dir.toString()), "quantdesk: --html: " + dir + " is a directory; give a file name");
        assertUsageError(quantdesk("walkforward", "--grid", "fast=5,10", "--in-sample", "6m", "--out-of-sample",
                "3m", "--data", data.toString(), "--json", missing.toString()),
                "quantdesk: --json: directory " + missing.getParent() + " does not exist");
    }

    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.errLines()).containsExactly(message);
        assertThat(run.out()).isEmpty();
    }

    private static List<String> withoutTiming(List<String> lines) {
        return lines.stream().filter(l -> !l.contains(" backtests in ")).toList();
    }

    private Path generate() {
        Path out = dir.resolve("data");
        CliRun run = quantdesk("data", "generate", "--symbols", "RELIANCE", "--from", "2023-01-02", "--to",
                "2024-06-28", "--out", out.toString());
        assertThat(run.exitCode()).as("data generate: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        return out.resolve("RELIANCE.csv");
    }
}
