package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantdesk kite decode}: a ticker message, built here byte by byte from the protocol, as JSON lines. */
class KiteCommandTest {

    /** INFY on NSE: the token's low byte, 1, is the NSE segment (prices in paise). */
    private static final int INFY = 408065;

    @TempDir
    Path dir;

    @Test
    void printsEveryPacketOfAFrameWithPricesInRupees() throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(2 + 2 + 8 + 2 + 44);
        frame.putShort((short) 2);
        frame.putShort((short) 8).putInt(INFY).putInt(152005);
        frame.putShort((short) 44).putInt(INFY).putInt(152010).putInt(7).putInt(151998).putInt(1_234_567)
                .putInt(5_000).putInt(6_000).putInt(150000).putInt(152500).putInt(149900).putInt(150500);
        Path file = write("frame.bin", frame.array());

        CliRun run = quantdesk("kite", "decode", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.out().lines().toList()).containsExactly(
                "{\"kind\":\"ltp\",\"instrument_token\":408065,\"segment\":\"NSE\",\"last_price\":1520.05}",
                "{\"kind\":\"quote\",\"instrument_token\":408065,\"segment\":\"NSE\",\"last_price\":1520.1,"
                        + "\"last_traded_quantity\":7,\"average_traded_price\":1519.98,\"volume_traded\":1234567,"
                        + "\"total_buy_quantity\":5000,\"total_sell_quantity\":6000,\"ohlc\":{\"open\":1500,"
                        + "\"high\":1525,\"low\":1499,\"close\":1505},\"change\":15.1}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aHeartbeatIsOneLine() throws IOException {
        CliRun run = quantdesk("kite", "decode", write("heartbeat.bin", new byte[] {0}).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.out()).isEqualTo("{\"kind\":\"heartbeat\"}" + System.lineSeparator());
    }

    @Test
    void aTruncatedPacketIsNamedAndFailsTheCommand() throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(2 + 2 + 8 + 2 + 10);
        frame.putShort((short) 2);
        frame.putShort((short) 8).putInt(INFY).putInt(152005);
        frame.putShort((short) 44).putInt(INFY).putInt(152010).putShort((short) 0);
        Path file = write("truncated.bin", frame.array());

        CliRun run = quantdesk("kite", "decode", file.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.out().lines()).hasSize(1).first().asString().startsWith("{\"kind\":\"ltp\"");
        assertThat(run.err()).startsWith(file + ": skipped ").contains("TRUNCATED");
    }

    @Test
    void aMissingOrEmptyFileIsAUsageError() throws IOException {
        CliRun missing = quantdesk("kite", "decode", dir.resolve("nothing.bin").toString());
        assertThat(missing.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(missing.err()).contains("FILE: ").contains("nothing.bin does not exist");

        CliRun empty = quantdesk("kite", "decode", write("empty.bin", new byte[0]).toString());
        assertThat(empty.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(empty.err()).contains("is empty");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
