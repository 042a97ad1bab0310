package com.quantdesk.server.metrics;

import com.quantdesk.server.redis.RedisConnection;
import com.quantdesk.store.Store;
import com.quantdesk.store.journal.JdbcEventJournal;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The journal's and the databases' metrics: commit time and batch size (told by the journal's writer),
 * backlog, failures and last sequence; the connection pool; whether the database and Redis answer.
 * Reachability is probed by {@link #probe()} (the server calls it every few seconds), not at scrape
 * time, so a hung database slows no scrape.
 */
public final class StoreMetrics {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Store store;
    private final Optional<RedisConnection> redis;
    private volatile boolean databaseUp = true;
    private volatile boolean redisUp;

    /**
     * @param registry where the meters go
     * @param store    the journal and its database
     * @param redis    the Redis connection, when one is configured
     */
    public StoreMetrics(MeterRegistry registry, Store store, Optional<RedisConnection> redis) {
        this.store = store;
        this.redis = redis;
        this.redisUp = redis.isPresent();
        JdbcEventJournal journal = store.journal();
        Timer commits = Timer.builder("quantdesk.journal.commit")
                .description("Time of one journal transaction, connection included")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        DistributionSummary batches = DistributionSummary.builder("quantdesk.journal.batch")
                .baseUnit("events").description("Events per journal transaction (group commit)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
                .register(registry);
        journal.observeCommits((events, nanos) -> {
            commits.record(nanos, TimeUnit.NANOSECONDS);
            batches.record(events);
        });
        Gauge.builder("quantdesk.journal.backlog", journal, JdbcEventJournal::backlog).baseUnit("events")
                .description("Events waiting to be committed").register(registry);
        FunctionCounter.builder("quantdesk.journal.commit.failures", journal, JdbcEventJournal::commitFailures)
                .description("Journal transactions that failed (each is retried)").register(registry);
        Gauge.builder("quantdesk.journal.last.sequence", journal, JdbcEventJournal::lastSequence)
                .description("Sequence of the last durable event").register(registry);
        Gauge.builder("quantdesk.database.up", this, m -> m.databaseUp ? 1 : 0)
                .description("1 while the database answers").register(registry);
        Gauge.builder("quantdesk.redis.configured", this, m -> m.redis.isPresent() ? 1 : 0)
                .description("1 when Redis is configured").register(registry);
        Gauge.builder("quantdesk.redis.up", this, m -> m.redisUp ? 1 : 0)
                .description("1 while the configured Redis answers (0 when none is configured)").register(registry);
        if (store.dataSource() instanceof HikariDataSource hikari) {
            pool(registry, "quantdesk.db.pool.active.connections", "Connections in use", hikari,
                    HikariPoolMXBean::getActiveConnections);
            pool(registry, "quantdesk.db.pool.idle.connections", "Connections idle in the pool", hikari,
                    HikariPoolMXBean::getIdleConnections);
            pool(registry, "quantdesk.db.pool.pending.threads", "Threads waiting for a connection", hikari,
                    HikariPoolMXBean::getThreadsAwaitingConnection);
            Gauge.builder("quantdesk.db.pool.max.connections", hikari, HikariDataSource::getMaximumPoolSize)
                    .description("The pool's size limit").register(registry);
        }
    }

    private static void pool(MeterRegistry registry, String name, String description, HikariDataSource hikari,
                             ToDoubleFunction<HikariPoolMXBean> value) {
        Gauge.builder(name, hikari, h -> {
            HikariPoolMXBean pool = h.getHikariPoolMXBean();
            return pool == null ? Double.NaN : value.applyAsDouble(pool);
        }).description(description).register(registry);
    }

    /** Asks the database and Redis whether they answer, each within two seconds. */
    public void probe() {
        databaseUp = within(() -> answers(store.dataSource()));
        redisUp = redis.isPresent() && within(() -> redis.get().ping());
    }

    /** Whether a connection of {@code dataSource} is valid (within two seconds of the driver's). */
    public static boolean answers(javax.sql.DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid((int) PROBE_TIMEOUT.toSeconds());
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the database answered the last probe. */
    public boolean databaseUp() {
        return databaseUp;
    }

    /** Whether the configured Redis answered the last probe (false when none is configured). */
    public boolean redisUp() {
        return redisUp;
    }

    /** Runs a check with a bound on its time (two seconds): a hung dependency is an unready one. */
    public static boolean within(java.util.function.BooleanSupplier check) {
        try {
            return CompletableFuture.supplyAsync(check::getAsBoolean, Thread::startVirtualThread)
                    .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
