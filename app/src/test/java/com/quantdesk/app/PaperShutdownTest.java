package com.quantdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code quantdesk paper} as a real child process (the production logging configuration, JSON at
 * INFO), stopped with SIGTERM: it exits within its shutdown timeout, says "shutdown complete", and
 * every event it said was durable is in the journal.
 */
class PaperShutdownTest {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void sigtermStopsInOrderWithinTheTimeoutAndLeavesTheJournalDurable() throws Exception {
        Path data = dir.resolve("data");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", productionClassPath(),
                Main.class.getName(), "paper", "--data-dir", data.toString(), "--port", "0", "--speed", "60",
                "--status-every", "1s", "--shutdown-timeout", SHUTDOWN_TIMEOUT.toSeconds() + "s"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("QD_LOG_FORMAT", "json");
        builder.environment().put("QD_LOG_LEVEL", "INFO");
        builder.environment().put("QD_ADMIN_PASSWORD", "Quiet-Orchard-Signal-5521");
        Process process = builder.start();
        try {
            // Running, and the engine has journaled something (the status line counts the events).
            await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive()
                    || Files.readString(out).lines().anyMatch(l -> l.matches(".*\\bevents [1-9][0-9]*.*")));
            assertThat(process.isAlive()).as("stderr: %s", Files.readString(err)).isTrue();

            long signalled = System.nanoTime();
            process.destroy(); // SIGTERM
            boolean exited = process.waitFor(SHUTDOWN_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(exited).as("exited after SIGTERM").isTrue();
            assertThat(took).isLessThan(SHUTDOWN_TIMEOUT);
            List<JsonNode> log = jsonLines(Files.readString(err));
            List<String> messages = log.stream().map(l -> l.path("message").asText()).toList();
            assertThat(messages).anyMatch(m -> m.startsWith("shutdown complete"));
            assertThat(messages).noneMatch(m -> m.startsWith("shutdown incomplete"));
            assertThat(messages.stream().filter(m -> m.startsWith("shutdown: '")).toList())
                    .extracting(m -> m.substring(0, m.indexOf("' ") + 1))
                    .containsExactly("shutdown: 'stop the HTTP API'",
                            "shutdown: 'stop the feed, drain the engine, flush and close the journal'",
                            "shutdown: 'close the broker session'");
            long durable = messages.stream().filter(m -> m.contains("the journal is durable up to event "))
                    .map(m -> Long.parseLong(m.substring(m.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
            assertThat(durable).isPositive();
            assertThat(lastJournaledSequence(data.resolve("quantdesk.db"))).isEqualTo(durable);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The test class path without test classes, so the child configures logging from the production file. */
    private static String productionClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<JsonNode> jsonLines(String stderr) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stderr.lines().toList()) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    private static long lastJournaledSequence(Path database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT MAX(sequence) FROM events")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
