package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantdesk walkforward} end to end. */
class WalkForwardCommandTest {

    @TempDir
    Path dir;

    @Test
    void walksForwardOverSyntheticDataAndWritesBothReports() throws IOException {
        Path json = dir.resolve("wf.json");
        Path html = dir.resolve("wf.html");

        CliRun run = quantdesk("walkforward", "--grid", "fast=5,10", "--grid", "slow=20,40", "--in-sample", "1y",
                "--out-of-sample", "6m", "--synthetic", "--from", "2022-01-03", "--to", "2023-12-29",
                "--json", json.toString(), "--html", html.toString(), "--no-progress");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Walk-forward  sma-cross, rolling windows, in-sample P1Y, out-of-sample P6M",
                "  1  2022-01-03..2023-01-02   2023-01-03..2023-07-02", "Out of sample: return");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("windows")).hasSize(2);
        assertThat(root.path("curve").isArray()).isTrue();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Out-of-sample equity")
                .doesNotContain("http://", "https://");
    }

    @Test
    void badSpansAndTooShortDataAreUsageErrors() {
        CliRun badSpan = quantdesk("walkforward", "--grid", "fast=5,10", "--in-sample", "2x", "--out-of-sample", "6m");
        CliRun tooShort = quantdesk("walkforward", "--grid", "fast=5,10", "--in-sample", "10y", "--out-of-sample",
                "6m", "--from", "2024-01-01", "--to", "2024-12-31");

        assertThat(badSpan.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(badSpan.errLines()).containsExactly(
                "quantdesk: --in-sample: '2x' is not a span like 2y, 6m (months), 4w or 90d");
        assertThat(tooShort.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(tooShort.err()).startsWith("quantdesk: --in-sample/--out-of-sample: the data (2024-01-01 to ");
    }
}
