package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code quantdesk kite-sandbox} starts the sandbox and tells the user where it is and how to log in. */
class KiteSandboxCommandTest {

    @Test
    void printsTheRestRootTickerUrlAndARequestToken() {
        CliRun run = quantdesk("kite-sandbox", "--port", "0", "--ticker-port", "0", "--api-key", "k1",
                "--api-secret", "s1", "--seed", "7", "--speed", "2", "--duration", "0");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.out()).containsPattern("REST root: +http://127\\.0\\.0\\.1:\\d+ ")
                .containsPattern("ticker URL: +ws://127\\.0\\.0\\.1:\\d+ ")
                .containsPattern("request_token: [A-Za-z0-9]{32} ")
                .contains("api_key:       k1")
                .contains("/connect/login?v=3&api_key=k1")
                .contains("seed 7, speed 2.0x");
    }

    @Test
    void refusesASpeedBelowOne() {
        CliRun run = quantdesk("kite-sandbox", "--port", "0", "--ticker-port", "0", "--speed", "0.5");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).contains("speed must be a number of at least 1");
    }
}
