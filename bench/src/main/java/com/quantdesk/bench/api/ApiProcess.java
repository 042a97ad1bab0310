package com.quantdesk.bench.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code quantdesk paper} process serving the API, started from the application jar with a
 * configuration of {@code accounts} accounts and no bots, and the rate limits raised as given.
 */
final class ApiProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Bench-Harbour-Passphrase-2026";
    private static final Pattern API = Pattern.compile("  api:      (http://[^/]+)/api/v1 .*");

    private final Process process;
    private final URI base;
    private final Path directory;

    private ApiProcess(Process process, URI base, Path directory) {
        this.process = process;
        this.base = base;
        this.directory = directory;
    }

    /**
     * Starts the process and waits until the API listens.
     *
     * @param limits {@code --rate-limit} values, e.g. {@code perIp=1000000/min}
     */
    static ApiProcess start(Path jar, Path directory, int accounts, List<String> limits, String database)
            throws IOException {
        return start(jar, directory, accounts, limits, database, List.of());
    }

    /** As above, the child JVM started with {@code jvmOptions} (e.g. {@code -XX:+UseZGC}). */
    static ApiProcess start(Path jar, Path directory, int accounts, List<String> limits, String database,
                            List<String> jvmOptions) throws IOException {
        Files.createDirectories(directory);
        StringBuilder yaml = new StringBuilder("dataDir: ").append(directory.resolve("data")).append('\n')
                .append("feed: {mode: demo, interval: 1s, symbols: [RELIANCE, INFY, TCS, HDFCBANK, ICICIBANK]}\n")
                .append("venue: {ackLatency: 20ms, fillLatency: 20ms}\n")
                .append("accounts:\n");
        for (int i = 0; i < accounts; i++) {
            // Limits a desk of many traders would set: no duplicate window (many traders send alike
            // orders), and exposure, rate and loss limits wide enough for what the load leaves behind.
            yaml.append("  - {id: ").append(account(i)).append(", capital: 1000000000, risk: {duplicateWindow: 0s, "
                    + "maxPositionValue: 1000000000, maxConcentrationBps: 10000, maxSectorExposureBps: 10000, "
                    + "maxOrdersPerMinute: 100000, maxOrdersPerSecond: 1000, maxOrdersPerDay: 1000000, "
                    + "maxDailyLoss: 100000000}}\n");
        }
        yaml.append("bots: []\n");
        Path config = directory.resolve("quantdesk.yaml");
        Files.writeString(config, yaml);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "paper", "--config", config.toString(), "--port", "0",
                "--status-every", "1h"));
        if (database != null) {
            command.addAll(List.of("--db", database));
        }
        for (String limit : limits) {
            command.addAll(List.of("--rate-limit", limit));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = out.readLine()) != null) {
            seen.add(line);
            Matcher m = API.matcher(line);
            if (m.matches()) {
                // Keep draining the output so the child never blocks on a full pipe.
                CompletableFuture.runAsync(() -> drain(out));
                return new ApiProcess(process, URI.create(m.group(1)), directory);
            }
        }
        throw new IllegalStateException("quantdesk paper stopped before serving the API:\n" + String.join("\n", seen));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    static String account(int i) {
        return String.format("desk%03d", i);
    }

    URI base() {
        return base;
    }

    Path databaseFile() {
        return directory.resolve("data").resolve("quantdesk.db");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while stopping the process"));
        }
    }
}
