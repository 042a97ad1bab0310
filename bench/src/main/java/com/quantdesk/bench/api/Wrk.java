package com.quantdesk.bench.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/portfolio} (authenticated: token check, revocation check, the caller's accounts
 * from the engine's board) next to {@code GET /health} (no authentication, no work) on the same
 * server in the same run, each under wrk with the same connections and threads, after a warm-up.
 */
final class Wrk {

    private Wrk() {
    }

    static void run(Path jar, Path dir, String db, List<String> jvm, int connections, Duration duration,
                    int threads)
            throws Exception {
        System.out.printf("wrk: %d connections, %d threads, %s per endpoint after a 10 s warm-up of each; rate limits "
                + "raised: %s%n", connections, threads, duration, ApiLoad.RAISED);
        try (ApiProcess api = ApiProcess.start(jar, dir, 1, ApiLoad.RAISED, db, jvm)) {
            ApiClient client = new ApiClient(api.base());
            String admin = client.admin();
            client.createTrader(admin, "reader", ApiProcess.account(0));
            String token = client.login("reader");
            String portfolio = api.base() + "/api/v1/portfolio";
            String health = api.base() + "/health";
            wrk(threads, connections, Duration.ofSeconds(10), health, null);
            wrk(threads, connections, Duration.ofSeconds(10), portfolio, token);
            System.out.println("--- GET /health");
            System.out.println(wrk(threads, connections, duration, health, null));
            System.out.println("--- GET /api/v1/portfolio (Bearer token)");
            System.out.println(wrk(threads, connections, duration, portfolio, token));
        }
    }

    private static String wrk(int threads, int connections, Duration duration, String url, String token)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "--latency", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (is it installed? apt-get install wrk):\n" + out);
        }
        return out;
    }
}
