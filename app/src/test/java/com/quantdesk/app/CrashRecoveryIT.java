package com.quantdesk.app;

import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.quantdesk.store.journal.JournalVerifier;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paper trading in a child JVM, killed with SIGKILL at random moments and restarted. After every
 * kill: the keyed hash chain verifies; every order and fill that was durable before the kill is still
 * there, once; every order's filled quantity equals its fills; positions equal the fills replayed;
 * the restarted process's recovered state (cash, positions, charges, each bot's book and realized
 * P&amp;L, trading states, the risk session and its counters: {@code recovered-state.txt}) equals a
 * fresh replay of the same journal prefix in this JVM; so does the last state the killed process
 * itself held while everything it had done was durable ({@code live-state.txt}, written every 200 ms),
 * which compares the live engine with recovery; and after each restart trading continues.
 *
 * <p>Iterations: {@code -Dqd.crash.iterations=N} (default 20); the random moments come from
 * {@code -Dqd.crash.seed} (default: the time), printed so a failure can be replayed.
 */
class CrashRecoveryIT {

    private static final int ITERATIONS = Integer.getInteger("qd.crash.iterations", 20);
    private static final Duration READY = Duration.ofSeconds(90);

    // Kept when the test fails: the child's logs and database are the evidence.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private Path jar;
    private Path java;

    record Durable(Map<String, Long> fills, Map<Long, Long> filledByOrder) {
    }

    @Test
    void killedAtRandomMomentsItRecoversEverythingDurableAndKeepsTrading() throws Exception {
        jar = Path.of("target/quantdesk.jar").toAbsolutePath();
        java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(jar).as("the jar 'package' builds before integration tests").isRegularFile();
        long seed = Long.getLong("qd.crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryIT: " + ITERATIONS + " iterations, -Dqd.crash.seed=" + seed + ", in " + dir);
        Random random = new Random(seed);
        Path dataDir = dir.resolve("data");
        Path config = writeConfig(dataDir);
        StoreConfig store = StoreConfig.sqlite(dataDir).withPoolSize(2);

        long previousEvents = 0;
        int liveComparisons = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Path log = dir.resolve("run-" + i + ".log");
            Process child = launch(config, log);
            try {
                await().atMost(READY).until(() -> Files.readString(log).contains("Press Ctrl-C"));
                assertThat(Files.readString(log)).contains(previousEvents + " events recovered");
                assertRecoveredStateIsAFreshReplays(store, dataDir.resolve("recovered-state.txt"), previousEvents);
                // A random moment: after a random number of further events (orders, fills...).
                long target = events(store) + 1 + random.nextInt(250);
                await().atMost(READY).until(() -> events(store) >= target || !child.isAlive());
                assertThat(child.isAlive()).as("child still running; log:%n%s", Files.readString(log)).isTrue();
                Durable before = durable(store);
                child.destroyForcibly();
                child.waitFor();
                check(store, before);
                previousEvents = events(store);
                if (assertLiveStateIsAFreshReplays(store, dataDir.resolve("live-state.txt"), previousEvents)) {
                    liveComparisons++;
                }
            } finally {
                child.destroyForcibly();
            }
        }

        // The live state was caught durable in most runs (a run killed within its first quarter second
        // may have none).
        System.out.println("CrashRecoveryIT: live state compared with a fresh replay in " + liveComparisons + " of "
                + ITERATIONS + " runs");
        assertThat(liveComparisons).as("runs whose live state was compared").isGreaterThanOrEqualTo(ITERATIONS / 2);

        // After the last kill: it comes back and trades on, then stops cleanly on SIGTERM.
        Path log = dir.resolve("final.log");
        Process child = launch(config, log);
        try {
            long fillsAtStart = count(store, "SELECT COUNT(*) FROM fills");
            await().atMost(READY).until(() -> Files.readString(log).contains("Press Ctrl-C"));
            await().atMost(READY).until(() -> count(store, "SELECT COUNT(*) FROM fills") >= fillsAtStart + 3);
            Durable before = durable(store);
            child.destroy();
            assertThat(child.waitFor()).as("exit code after SIGTERM; log:%n%s", Files.readString(log)).isIn(0, 143);
            check(store, before);
        } finally {
            child.destroyForcibly();
        }
        assertThat(Files.readString(log)).doesNotContain("Exception");
    }

    /**
     * The state the child wrote after its replay equals what this JVM rebuilds from the same events,
     * with the same code path as {@code quantdesk journal state --until N}.
     */
    private static void assertRecoveredStateIsAFreshReplays(StoreConfig store, Path stateFile, long events)
            throws IOException {
        Map<String, String> recovered = readState(stateFile);
        assertThat(recovered.get("journal/lastSequence")).isEqualTo(Long.toString(events));
        try (HikariDataSource ds = Stores.dataSource(store)) {
            Map<String, String> fresh = JournalCommand.State.replay(ds, store.loadJournalKey(false), events);
            assertThat(recovered).as("recovered state vs a fresh replay of events 1..%d", events).isEqualTo(fresh);
        }
    }

    /**
     * The last state the killed child wrote while everything it had done was durable equals a fresh
     * replay of the same journal prefix: what the live engine held is what the journal rebuilds.
     *
     * @return whether the child had written one (the file is removed for the next run)
     */
    private static boolean assertLiveStateIsAFreshReplays(StoreConfig store, Path stateFile, long durable)
            throws IOException {
        if (!Files.exists(stateFile)) {
            return false;
        }
        Map<String, String> live = readState(stateFile);
        long sequence = Long.parseLong(live.get("journal/lastSequence"));
        assertThat(sequence).as("live state's journal position").isLessThanOrEqualTo(durable);
        try (HikariDataSource ds = Stores.dataSource(store)) {
            Map<String, String> fresh = JournalCommand.State.replay(ds, store.loadJournalKey(false), sequence);
            assertThat(live).as("live state vs a fresh replay of events 1..%d", sequence).isEqualTo(fresh);
        }
        Files.delete(stateFile);
        return true;
    }

    private static Map<String, String> readState(Path file) throws IOException {
        Map<String, String> facts = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            facts.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return facts;
    }

    private Process launch(Path config, Path log) throws IOException {
        return new ProcessBuilder(java.toString(), "-jar", jar.toString(), "paper", "--config", config.toString(),
                "--speed", "600", "--status-every", "2s", "--state-every", "200ms", "--no-api")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Path writeConfig(Path dataDir) throws IOException {
        Path file = dataDir.getParent().resolve("quantdesk.yaml");
        Files.writeString(file, """
                dataDir: %s
                feed:
                  mode: demo
                  interval: 1s
                  seed: 5
                  symbols: [RELIANCE, INFY, TCS]
                venue:
                  ackLatency: 2s
                  fillLatency: 2s
                  volumeParticipation: 0.3
                accounts:
                  - id: desk
                    capital: 2000000
                bots:
                  - id: sma-rel
                    account: desk
                    strategy: sma-cross
                    params: {fast: 2, slow: 4, qty: 7}
                    symbols: [RELIANCE]
                  - id: rsi-infy
                    account: desk
                    strategy: rsi-reversion
                    params: {period: 3, qty: 9}
                    symbols: [INFY]
                  - id: sma-tcs
                    account: desk
                    strategy: sma-cross
                    params: {fast: 3, slow: 5, qty: 4}
                    symbols: [TCS]
                """.formatted(dataDir));
        return file;
    }

    private static long events(StoreConfig store) throws SQLException {
        return count(store, "SELECT COALESCE(MAX(sequence), 0) FROM events");
    }

    private static long count(StoreConfig store, String sql) throws SQLException {
        if (!Files.exists(store.sqliteFile())) {
            return 0;
        }
        try (HikariDataSource ds = Stores.dataSource(store); Connection c = ds.getConnection();
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return 0;
            }
            throw e;
        }
    }

    /** What is committed now: fills by (order, fill id) with quantity, and each order's filled quantity. */
    private static Durable durable(StoreConfig store) throws SQLException {
        Map<String, Long> fills = new HashMap<>();
        Map<Long, Long> filled = new HashMap<>();
        try (HikariDataSource ds = Stores.dataSource(store); Connection c = ds.getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT order_id, fill_id, quantity FROM fills")) {
                while (r.next()) {
                    fills.put(r.getLong(1) + "/" + r.getString(2), r.getLong(3));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT order_id, filled_quantity FROM orders")) {
                while (r.next()) {
                    filled.put(r.getLong(1), r.getLong(2));
                }
            }
        }
        return new Durable(fills, filled);
    }

    private static void check(StoreConfig store, Durable before) throws SQLException {
        try (HikariDataSource ds = Stores.dataSource(store)) {
            JournalVerifier.Verification verification = new JournalVerifier(ds, store.loadJournalKey(false)).verify();
            assertThat(verification.ok()).as("hash chain: %s", verification).isTrue();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // Every fill durable before the kill is there, exactly once.
                Map<String, Long> fills = new HashMap<>();
                try (ResultSet r = s.executeQuery("SELECT order_id, fill_id, quantity FROM fills")) {
                    while (r.next()) {
                        Long earlier = fills.put(r.getLong(1) + "/" + r.getString(2), r.getLong(3));
                        assertThat(earlier).as("fill %s/%s twice", r.getLong(1), r.getString(2)).isNull();
                    }
                }
                assertThat(fills).containsAllEntriesOf(before.fills());
                // Every order durable before is there; its filled quantity equals its fills.
                Map<Long, Long> filled = new TreeMap<>();
                try (ResultSet r = s.executeQuery("SELECT o.order_id, o.filled_quantity, "
                        + "COALESCE((SELECT SUM(f.quantity) FROM fills f WHERE f.order_id = o.order_id), 0) "
                        + "FROM orders o")) {
                    while (r.next()) {
                        assertThat(r.getLong(2)).as("order %d filled quantity vs its fills", r.getLong(1))
                                .isEqualTo(r.getLong(3));
                        filled.put(r.getLong(1), r.getLong(2));
                    }
                }
                for (Map.Entry<Long, Long> order : before.filledByOrder().entrySet()) {
                    assertThat(filled).containsKey(order.getKey());
                    assertThat(filled.get(order.getKey())).isGreaterThanOrEqualTo(order.getValue());
                }
                // Positions equal the fills replayed.
                Map<String, Long> replayed = new TreeMap<>();
                try (ResultSet r = s.executeQuery("SELECT account, symbol, product, side, quantity FROM fills")) {
                    while (r.next()) {
                        long signed = "BUY".equals(r.getString(4)) ? r.getLong(5) : -r.getLong(5);
                        replayed.merge(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3), signed,
                                Long::sum);
                    }
                }
                Map<String, Long> positions = new TreeMap<>();
                try (ResultSet r = s.executeQuery("SELECT account, symbol, product, quantity FROM positions")) {
                    while (r.next()) {
                        positions.put(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3), r.getLong(4));
                    }
                }
                replayed.values().removeIf(q -> q == 0);
                positions.values().removeIf(q -> q == 0);
                assertThat(positions).isEqualTo(replayed);
                List<Long> gaps = List.of(count(s, "SELECT COUNT(*) FROM events"),
                        count(s, "SELECT COALESCE(MAX(sequence), 0) FROM events"));
                assertThat(gaps.get(0)).as("events without gaps").isEqualTo(gaps.get(1));
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
