package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantdesk data generate} writes the deterministic synthetic market as one CSV per symbol. */
class DataGenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneCsvFilePerSymbolAndSaysHowManyBars() throws IOException {
        CliRun run = quantdesk("data", "generate", "--symbols", "RELIANCE,INFY", "--from", "2024-01-01",
                "--to", "2024-03-31", "--out", dir.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.err()).isEmpty();
        Path reliance = dir.resolve("RELIANCE.csv");
        Path infy = dir.resolve("INFY.csv");
        // 65 weekdays from Monday 1 January to Sunday 31 March 2024.
        assertThat(run.outLines()).containsExactly(reliance + ": 65 bars", infy + ": 65 bars");
        assertThat(dir).isDirectoryContaining("glob:**/RELIANCE.csv").isDirectoryContaining("glob:**/INFY.csv");
        assertThat(Files.list(dir)).hasSize(2);
        assertThat(Files.readAllLines(reliance)).hasSize(66)
                .first().isEqualTo("datetime,open,high,low,close,volume");
        assertThat(Files.readAllLines(infy)).hasSize(66).element(1).asString().startsWith("2024-01-01,");
    }

    @Test
    void createsTheOutputDirectoryWhenMissing() {
        Path nested = dir.resolve("market/daily");

        CliRun run = quantdesk("data", "generate", "--from", "2024-01-01", "--to", "2024-01-05",
                "--out", nested.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(nested.resolve("RELIANCE.csv")).isRegularFile();
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        quantdesk("data", "generate", "--symbols", "TCS", "--from", "2024-01-01", "--to", "2024-02-29",
                "--seed", "7", "--out", first.toString());
        quantdesk("data", "generate", "--symbols", "TCS", "--from", "2024-01-01", "--to", "2024-02-29",
                "--seed", "7", "--out", second.toString());

        assertThat(Files.readAllBytes(second.resolve("TCS.csv"))).isEqualTo(Files.readAllBytes(first.resolve("TCS.csv")));
    }

    @Test
    void anotherSeedWritesOtherPrices() throws IOException {
        Path first = dir.resolve("seed7");
        Path second = dir.resolve("seed8");

        quantdesk("data", "generate", "--symbols", "TCS", "--from", "2024-01-01", "--to", "2024-02-29",
                "--seed", "7", "--out", first.toString());
        quantdesk("data", "generate", "--symbols", "TCS", "--from", "2024-01-01", "--to", "2024-02-29",
                "--seed", "8", "--out", second.toString());

        assertThat(Files.readString(second.resolve("TCS.csv"))).isNotEqualTo(Files.readString(first.resolve("TCS.csv")));
    }

    @Test
    void writesIntradayBarsForAMinuteBarSize() throws IOException {
        CliRun run = quantdesk("data", "generate", "--from", "2024-01-02", "--to", "2024-01-02", "--bar", "15m",
                "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.OK);
        // 09:15 to 15:30 is 375 minutes: 25 bars of 15 minutes.
        assertThat(run.outLines()).containsExactly(dir.resolve("RELIANCE.csv") + ": 25 bars");
        assertThat(Files.readAllLines(dir.resolve("RELIANCE.csv"))).hasSize(26);
    }

    @Test
    void failsWithExitCode1WhenTheOutputDirectoryIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        CliRun run = quantdesk("data", "generate", "--from", "2024-01-01", "--to", "2024-01-05",
                "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("quantdesk: cannot create directory " + file);
        assertThat(run.out()).isEmpty();
    }
}
