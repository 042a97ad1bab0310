package com.quantdesk.bench.api;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code quantdesk paper} process serving the API, started from the application jar with a
 * configuration of {@code accounts} accounts and no bots (or a configuration of the caller's), and
 * the rate limits raised as given.
 */
public final class ApiProcess implements AutoCloseable {

    /** The administrator's password, given to the process in {@code QD_ADMIN_PASSWORD}. */
    public static final String ADMIN_PASSWORD = "Bench-Harbour-Passphrase-2026";
    /**
     * Risk limits of an account under load, as a YAML flow mapping: no duplicate-order window, and
     * exposure, order-rate and loss limits wide enough that risk does not refuse the load.
     */
    public static final String WIDE_RISK = "{duplicateWindow: 0s, maxPositionValue: 1000000000, "
            + "maxConcentrationBps: 10000, maxSectorExposureBps: 10000, maxOrdersPerMinute: 100000, "
            + "maxOrdersPerSecond: 1000, maxOrdersPerDay: 1000000, maxDailyLoss: 100000000}";
    private static final Pattern API = Pattern.compile("  api:      (http://[^/]+)/api/v1 .*");

    private final Process process;
    private final URI base;
    private final Path directory;
    private final Thread reaper;

    private ApiProcess(Process process, URI base, Path directory) {
        this.process = process;
        this.base = base;
        this.directory = directory;
        // A harness stopped with Ctrl-C must not leave the server running.
        this.reaper = new Thread(process::destroy, "quantdesk-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
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
        StringBuilder yaml = new StringBuilder()
                .append("feed: {mode: demo, interval: 1s, symbols: [RELIANCE, INFY, TCS, HDFCBANK, ICICIBANK]}\n")
                .append("venue: {ackLatency: 20ms, fillLatency: 20ms}\n")
                .append("accounts:\n");
        for (int i = 0; i < accounts; i++) {
            // Limits a desk of many traders would set: no duplicate window (many traders send alike
            // orders), and exposure, rate and loss limits wide enough for what the load leaves behind.
            yaml.append("  - {id: ").append(account(i)).append(", capital: 1000000000, risk: ").append(WIDE_RISK)
                    .append("}\n");
        }
        yaml.append("bots: []\n");
        List<String> arguments = database == null ? List.of() : List.of("--db", database);
        return launch(jar, directory, yaml.toString(), arguments, limits, jvmOptions);
    }

    /**
     * Starts {@code quantdesk paper --port 0} with the configuration {@code yaml} (everything but
     * {@code dataDir}, which is set to {@code directory/data}) and waits until the API listens. Its
     * output goes to {@code directory/paper.log}.
     *
     * @param arguments  further arguments of {@code paper}, e.g. {@code --speed 10}
     * @param limits     {@code --rate-limit} values, e.g. {@code perIp=1000000/min}
     * @param jvmOptions options of the child JVM
     */
    public static ApiProcess launch(Path jar, Path directory, String yaml, List<String> arguments,
                                    List<String> limits, List<String> jvmOptions) throws IOException {
        Files.createDirectories(directory);
        Path config = directory.resolve("quantdesk.yaml");
        Files.writeString(config, "dataDir: " + directory.toAbsolutePath().resolve("data") + "\n" + yaml);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "paper", "--config", config.toString(), "--port", "0",
                "--status-every", "1h"));
        command.addAll(arguments);
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
                // Keep draining the output so the child never blocks on a full pipe. On a thread of its
                // own: blocked in the common pool (one worker on two cores), it would stall every
                // CompletableFuture stage that runs there, the HTTP client's WebSocket handshake among them.
                Path log = directory.resolve("paper.log");
                Files.write(log, seen);
                Thread.ofPlatform().daemon().name("quantdesk-output").start(() -> drain(out, log));
                return new ApiProcess(process, URI.create(m.group(1)), directory);
            }
        }
        throw new IllegalStateException("quantdesk paper stopped before serving the API:\n" + String.join("\n", seen));
    }

    /** Copies the process's output to {@code log} until it ends. */
    private static void drain(BufferedReader out, Path log) {
        try (BufferedWriter writer = Files.newBufferedWriter(log, StandardOpenOption.APPEND)) {
            String line;
            while ((line = out.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    static String account(int i) {
        return String.format("desk%03d", i);
    }

    /** Where the API is served, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return base;
    }

    Path databaseFile() {
        return directory.resolve("data").resolve("quantdesk.db");
    }

    /** The process, e.g. to read its CPU time. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The hook stops the process.
        }
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
