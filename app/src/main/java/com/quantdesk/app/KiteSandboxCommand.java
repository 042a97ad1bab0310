package com.quantdesk.app;

import com.quantdesk.app.sandbox.KiteSandbox;
import com.quantdesk.app.sandbox.SandboxConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk kite-sandbox}: a local Kite Connect look-alike over the simulated NSE. */
@Command(name = "kite-sandbox", mixinStandardHelpOptions = true,
        description = {"Run a local Kite Connect v3 server (REST + WebSocket ticker) backed by the synthetic "
                + "NSE market and the simulated venue, to rehearse live trading or test a Kite client.",
                "Faults are switched at run time: POST JSON to <REST root>/sandbox/faults "
                        + "(latency_ms, rate_429, rate_5xx, status_5xx, rate_hang, hang_ms, after_handling); "
                        + "POST /sandbox/ticker/drop and /sandbox/ticker/malformed; POST /sandbox/request_token.",
                "Stop with Ctrl-C."})
final class KiteSandboxCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8300",
            description = "Port of the REST API (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--ticker-port", paramLabel = "PORT", defaultValue = "8301",
            description = "Port of the WebSocket ticker (0: any free port). Default: ${DEFAULT-VALUE}.")
    int tickerPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address both servers listen on. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:KITE_API_KEY:-sandbox}",
            description = "The api_key clients must send. Default: $KITE_API_KEY, else 'sandbox'.")
    String apiKey;

    @Option(names = "--api-secret", paramLabel = "SECRET",
            description = "The api_secret of the login checksum. Default: $KITE_API_SECRET (or the file "
                    + "$KITE_API_SECRET_FILE names), else 'sandbox-secret'.")
    String apiSecret;

    @Option(names = "--redirect-url", paramLabel = "URL", defaultValue = "http://127.0.0.1/kite/callback",
            description = "Where /connect/login redirects with request_token. Default: ${DEFAULT-VALUE}.")
    URI redirectUrl;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Sandbox seconds per real second (at least 1). Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the synthetic market and of random faults. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--duration", paramLabel = "SECONDS", hidden = true,
            description = "Stop after this many seconds (real time); default: until Ctrl-C.")
    Long durationSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SandboxConfig config;
        String secret = apiSecret;
        if (secret == null) {
            secret = java.util.Objects.requireNonNullElse(SecretEnvironment.process().apply("KITE_API_SECRET"),
                    "sandbox-secret");
        }
        try {
            config = new SandboxConfig(bind, port, tickerPort, apiKey, secret, "QD0001", redirectUrl, seed, speed,
                    Duration.ofSeconds(1), 100_000_000L, SandboxConfig.defaults(apiKey, secret).holdingsQuantity(),
                    true);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        KiteSandbox sandbox;
        try {
            sandbox = KiteSandbox.start(config);
        } catch (RuntimeException e) {
            throw new UsageException("the sandbox cannot start: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "kite-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String requestToken = sandbox.issueRequestToken();
        out.println("Kite sandbox (seed " + seed + ", speed " + speed + "x) over the synthetic NSE market");
        out.println("  REST root:     " + sandbox.restUrl() + "   (kite.apiUrl / KITE_API_URL)");
        out.println("  ticker URL:    " + sandbox.tickerUrl() + "   (kite.tickerUrl / KITE_TICKER_URL)");
        out.println("  api_key:       " + apiKey);
        out.println("  login page:    " + sandbox.loginUrl());
        out.println("  request_token: " + requestToken + "   (single use; POST /session/token with "
                + "checksum = sha256(api_key + request_token + api_secret))");
        out.println("  faults:        " + sandbox.restUrl() + "/sandbox/faults");
        out.flush();
        if (durationSeconds != null) {
            stopped.await(durationSeconds, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
            sandbox.close();
            return QuantdeskCommand.OK;
        }
        stopped.await();
        return QuantdeskCommand.OK;
    }
}
