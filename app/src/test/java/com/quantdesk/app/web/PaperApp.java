package com.quantdesk.app.web;

import com.quantdesk.app.api.ApiTests;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.backtest.BacktestData;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real application for the browser tests, started as the API tests start it ({@link ApiTests}):
 * a paper runtime on an accelerated demo market with the accounts {@link #ACCOUNTS}, and the API
 * server, which also serves the dashboard, on a free port of 127.0.0.1.
 */
public final class PaperApp implements AutoCloseable {

    /** The paper accounts, ₹10 lakh each. */
    public static final List<String> ACCOUNTS = List.of("acc", "other");
    /** The demo market's symbols. */
    public static final List<String> SYMBOLS = List.of("INFY", "RELIANCE");
    /** The password of the first administrator, {@code admin}, who still has to enrol a second factor. */
    public static final String ADMIN_PASSWORD = ApiTests.ADMIN_PASSWORD;

    private final PaperRuntime runtime;
    private final ServerConfig config;
    private final BacktestData backtests;
    private ApiServer server;

    private PaperApp(PaperRuntime runtime, ServerConfig config, BacktestData backtests, ApiServer server) {
        this.runtime = runtime;
        this.config = config;
        this.backtests = backtests;
        this.server = server;
    }

    /** Starts the application with its data in {@code dir} (a {@code @TempDir}), without backtests. */
    public static PaperApp start(Path dir) {
        return start(dir, ApiTests.NO_BACKTESTS);
    }

    /** Starts the application with its data in {@code dir}, running backtests on {@code backtests}. */
    public static PaperApp start(Path dir, BacktestData backtests) {
        PaperRuntime runtime = ApiTests.runtime(dir, SYMBOLS, ACCOUNTS.toArray(String[]::new));
        // One browser signs several users in from one address, many times: the per-address and sign-in
        // limits are raised here (the API tests check them at their defaults).
        // The stream's heartbeat (which also rechecks each caller) comes every 3 s rather than 20 s.
        ServerConfig defaults = ServerConfig.defaults(dir);
        ServerConfig config = defaults.withAddress("127.0.0.1", 0)
                .withLimits(defaults.limits().with("perIp", "5000/min").with("login", "1000/min"))
                .withStream(defaults.streamConnectionsPerUser(), Duration.ofSeconds(3), defaults.streamBacklog());
        try {
            return new PaperApp(runtime, config, backtests, ApiTests.server(config, runtime, backtests));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** The address of {@code path} on this server, e.g. {@code url("/api/docs")}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** The paper runtime behind the server. */
    public PaperRuntime runtime() {
        return runtime;
    }

    /** The server. */
    public ApiServer server() {
        return server;
    }

    /** Stops the server alone: the trading runtime goes on, as when the API process behind a proxy restarts. */
    public void stopServer() {
        server.close();
    }

    /** Starts the server again on the port it had (its keys and sessions live in the data directory). */
    public void startServer(int port) {
        server = ApiTests.server(config.withAddress("127.0.0.1", port), runtime, backtests);
    }

    /** Stops the server, then the runtime. */
    @Override
    public void close() {
        ApiTests.stop(server, runtime);
    }
}
