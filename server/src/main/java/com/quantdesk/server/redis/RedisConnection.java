package com.quantdesk.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The server's connection to one Redis server: a Lettuce client with two shared, thread-safe
 * connections, one with string keys and values and one with bytes (Bucket4j stores its buckets as
 * bytes).
 *
 * <p>Opening never waits for Redis: the connections are made in the background, and made again
 * (at most once a second) until Redis answers, so the server starts while Redis is away. Once
 * connected, Lettuce reconnects by itself. Commands time out after 500 ms, and while disconnected
 * they are refused at once rather than queued, so a caller learns within about a second that Redis
 * cannot answer ({@link RedisUnavailableException}).
 */
public final class RedisConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    // How long a caller waits for a connection still being made; longer attempts go on in the background.
    private static final Duration CONNECT_WAIT = Duration.ofMillis(500);
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(1);
    private static final Duration PING_WAIT = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final RedisAddress address;
    private final RedisClient client;
    private final ConnectionSlot<String, String> strings;
    private final ConnectionSlot<byte[], byte[]> bytes;
    private volatile boolean closed;

    private RedisConnection(RedisAddress address) {
        this.address = address;
        RedisURI uri = address.toRedisUri(COMMAND_TIMEOUT);
        this.client = RedisClient.create(uri);
        client.setOptions(options());
        this.strings = new ConnectionSlot<>(() -> client.connectAsync(StringCodec.UTF8, uri), RECONNECT_EVERY);
        this.bytes = new ConnectionSlot<>(() -> client.connectAsync(ByteArrayCodec.INSTANCE, uri), RECONNECT_EVERY);
        strings.start();
        bytes.start();
    }

    /**
     * Opens a connection to {@code redis[s]://[[user]:password@]host[:port][/database]}, without
     * waiting for Redis to answer.
     *
     * @throws IllegalArgumentException when the URL is malformed, naming it with the password masked
     */
    public static RedisConnection open(String url) {
        return new RedisConnection(RedisAddress.parse(url));
    }

    private static ClientOptions options() {
        return ClientOptions.builder()
                .autoReconnect(true)
                // A command queued until Redis is back would hold a request that has to fail closed anyway.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build();
    }

    /**
     * Whether Redis answers a PING on both connections within about a second. Never throws.
     */
    public boolean ping() {
        long deadline = System.nanoTime() + PING_WAIT.toNanos();
        try {
            List<Future<String>> pongs = List.of(
                    connection(strings, CONNECT_WAIT.toNanos()).async().ping(),
                    connection(bytes, deadline - System.nanoTime()).async().ping());
            for (Future<String> pong : pongs) {
                if (!"PONG".equals(pong.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The shared connection with UTF-8 string keys and values. Do not close it.
     *
     * @throws RedisUnavailableException when there is no connection to Redis
     */
    public StatefulRedisConnection<String, String> strings() {
        return connection(strings, CONNECT_WAIT.toNanos());
    }

    /**
     * The shared connection with byte-array keys and values, as Bucket4j needs. Do not close it.
     *
     * @throws RedisUnavailableException when there is no connection to Redis
     */
    public StatefulRedisConnection<byte[], byte[]> bytes() {
        return connection(bytes, CONNECT_WAIT.toNanos());
    }

    /** The host this connection goes to. */
    public String host() {
        return address.host();
    }

    /** Whether the URL gives a password (as {@code redis://:secret@host} or {@code redis://secret@host}). */
    public boolean hasPassword() {
        return address.hasPassword();
    }

    /** The URL, with the password shown as {@code ***}. */
    public String safeUrl() {
        return address.safeUrl();
    }

    /**
     * The exception to throw when a command on this connection failed: it names the server without
     * its password and keeps the failure as its cause.
     */
    public RedisUnavailableException unavailable(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RedisUnavailableException known) {
            return known;
        }
        String reason = cause == null ? "no reason given"
                : cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + address.scrub(cause.getMessage());
        return new RedisUnavailableException("Redis at " + safeUrl() + " cannot answer (" + reason + ")", cause);
    }

    private <K, V> StatefulRedisConnection<K, V> connection(ConnectionSlot<K, V> slot, long waitNanos) {
        if (closed) {
            throw new RedisUnavailableException("the connection to Redis at " + safeUrl() + " is closed", null);
        }
        try {
            return slot.get(waitNanos);
        } catch (TimeoutException e) {
            throw new RedisUnavailableException("Redis at " + safeUrl() + " is not connected yet", e);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** Closes both connections and the client's threads. */
    @Override
    public void close() {
        closed = true;
        client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
    }

    @Override
    public String toString() {
        return "RedisConnection[" + safeUrl() + "]";
    }
}
