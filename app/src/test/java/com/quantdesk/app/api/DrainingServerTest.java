package com.quantdesk.app.api;

import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The first step of the shutdown: readiness fails before anything else stops, so a balancer drains the node. */
class DrainingServerTest {

    @TempDir
    Path dir;

    private PaperRuntime runtime;
    private ApiServer server;

    @BeforeEach
    void start() {
        runtime = ApiTests.runtime(dir, List.of("INFY"), "acc");
        server = ApiTests.server(ServerConfig.defaults(dir).withAddress("127.0.0.1", 0), runtime,
                ApiTests.NO_BACKTESTS);
    }

    @AfterEach
    void stop() {
        ApiTests.stop(server, runtime);
    }

    @Test
    void aDrainingServerFailsItsReadinessCheckAndStillAnswersEverythingElse() {
        Http http = new Http(URI.create("http://127.0.0.1:" + server.port()), null);
        assertThat(http.get("/ready", null).json().path("checks").has("stopping")).isFalse();

        server.drain();

        Http.Answer ready = http.get("/ready", null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("ready").asBoolean()).isFalse();
        assertThat(ready.json().path("checks").path("stopping").asBoolean(true)).isFalse();
        assertThat(ready.header("X-Correlation-Id")).isNotBlank();
        assertThat(http.get("/health", null).status()).isEqualTo(200);
        assertThat(server.draining()).isTrue();
    }
}
