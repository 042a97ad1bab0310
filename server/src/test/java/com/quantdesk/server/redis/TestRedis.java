package com.quantdesk.server.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import redis.embedded.RedisServer;

/**
 * The Redis server tests use: the one at {@code QD_TEST_REDIS_URL} (CI points it at the machine's
 * server) or, when that is unset, an embedded one started once per JVM and stopped when the JVM
 * exits. Tests keep their keys under a {@link #prefix()} of their own and delete them afterwards,
 * so they never see each other's keys, nor another build's on the same server.
 */
public final class TestRedis {

    /** Environment variable naming the test server. */
    public static final String ENV = "QD_TEST_REDIS_URL";

    private static String url;

    private TestRedis() {
    }

    /** The test server's URL, starting the embedded server the first time it is needed. */
    public static synchronized String url() {
        if (url == null) {
            String env = System.getenv(ENV);
            url = env != null && !env.isBlank() ? env.trim() : "redis://127.0.0.1:" + startEmbedded();
        }
        return url;
    }

    /** A random key prefix, such as {@code qd:test:1k3x9a0c2f:}. */
    public static String prefix() {
        return "qd:test:" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ":";
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Redis server of the test's own on {@code port}, not started; nothing is written to disk. */
    public static RedisServer embedded(int port) {
        try {
            return RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded Redis server", e);
        }
    }

    /** Deletes every key under {@code prefix}; returns how many there were. */
    public static long deleteKeys(RedisConnection redis, String prefix) {
        RedisCommands<String, String> commands = redis.strings().sync();
        ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(1000);
        long deleted = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands.scan(cursor, match);
            if (!page.getKeys().isEmpty()) {
                deleted += commands.del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return deleted;
    }

    private static int startEmbedded() {
        int port = freePort();
        RedisServer server = embedded(port);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis (set " + ENV + " to use a running server)", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (IOException e) {
                // The JVM is exiting: there is nothing left to do about a server that would not stop.
            }
        }));
        return port;
    }
}
