package com.quantdesk.server.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One Lettuce connection, made in the background and made again after an attempt failed.
 *
 * <p>Lettuce reconnects by itself only a connection that was once made; a server that starts while
 * Redis is down would otherwise never connect. Attempts are at least {@code retryEvery} apart, so a
 * burst of requests during an outage does not become a burst of connection attempts: between
 * attempts, callers learn at once that there is no connection.
 */
final class ConnectionSlot<K, V> {

    private final Supplier<CompletionStage<StatefulRedisConnection<K, V>>> connect;
    private final long retryEveryNanos;
    private final AtomicReference<Attempt<K, V>> attempt = new AtomicReference<>();

    private record Attempt<K, V>(CompletableFuture<StatefulRedisConnection<K, V>> connection, long startedNanos) {

        boolean failed() {
            return connection.isCompletedExceptionally();
        }
    }

    ConnectionSlot(Supplier<CompletionStage<StatefulRedisConnection<K, V>>> connect, Duration retryEvery) {
        this.connect = connect;
        this.retryEveryNanos = retryEvery.toNanos();
    }

    /** Starts the first attempt without waiting for it. */
    void start() {
        current();
    }

    /**
     * The connection, waiting at most {@code waitNanos} for an attempt in progress.
     *
     * @throws ExecutionException with the reason the last attempt failed
     * @throws TimeoutException   when the attempt in progress did not finish in time
     */
    StatefulRedisConnection<K, V> get(long waitNanos)
            throws ExecutionException, TimeoutException, InterruptedException {
        return current().connection().get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
    }

    private Attempt<K, V> current() {
        while (true) {
            Attempt<K, V> seen = attempt.get();
            long now = System.nanoTime();
            if (seen != null && !(seen.failed() && now - seen.startedNanos() >= retryEveryNanos)) {
                return seen;
            }
            // Published before connecting, so that only the thread that won starts an attempt.
            Attempt<K, V> next = new Attempt<>(new CompletableFuture<>(), now);
            if (attempt.compareAndSet(seen, next)) {
                begin(next.connection());
                return next;
            }
        }
    }

    private void begin(CompletableFuture<StatefulRedisConnection<K, V>> result) {
        try {
            connect.get().whenComplete((connection, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(connection);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }
}
