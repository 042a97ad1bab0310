package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file that cannot be read ends the run with exit code 1 and one line naming the file, the
 * line and the reason, with no stack trace.
 */
class CsvDataFailuresTest {

    @TempDir
    Path dir;

    @Test
    void aMalformedCsvFailsNamingTheFileTheLineAndTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("RELIANCE.csv"), """
                datetime,open,high,low,close,volume
                2024-01-01,100,101,99,100.5,1000
                2024-01-02,100,99,101,100,1000
                """);

        CliRun run = quantdesk("backtest", "--data", file.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.errLines()).containsExactly("quantdesk: " + file + ", line 3: high 99.00 < low 101.00");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aNonNumericPriceFailsNamingTheColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("INFY.csv"), """
                2024-01-01,1500,1510,1490,1505,1000
                2024-01-02,1500,1510,1490,1505,1000
                2024-01-03,1500,abc,1490,1505,1000
                """);

        CliRun run = quantdesk("backtest", "--data", file.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.errLines()).containsExactly("quantdesk: " + file + ", line 3: non-numeric high 'abc'");
    }

    @Test
    void aRowWithMissingColumnsFails() throws IOException {
        Path file = Files.writeString(dir.resolve("TCS.csv"), """
                date,open,high,low,close,volume
                2024-01-01,3500,3510,3490,3505
                """);

        CliRun run = quantdesk("backtest", "--data", file.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.errLines())
                .containsExactly("quantdesk: " + file + ", line 2: wrong number of columns: expected 6, found 5");
    }

    @Test
    void aDuplicateTimestampFailsNamingBothLines() throws IOException {
        Path file = Files.writeString(dir.resolve("TCS.csv"), """
                date,open,high,low,close,volume
                2024-01-01,3500,3510,3490,3505,10
                2024-01-02,3500,3510,3490,3505,10
                2024-01-02,3500,3510,3490,3505,10
                """);

        CliRun run = quantdesk("backtest", "--data", file.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.errLines()).containsExactly(
                "quantdesk: " + file + ", line 4: duplicate timestamp 2024-01-02 (also on line 3)");
    }

    @Test
    void anEmptyCsvFailsNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("SBIN.csv"), "");

        CliRun run = quantdesk("backtest", "--data", file.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.errLines()).containsExactly("quantdesk: " + file + ": empty file");
    }
}
