package com.quantdesk.server.limits;

import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.function.Supplier;

/**
 * What Bucket4j sends to Redis, on whichever connection is current at the time of each command:
 * the connection may be made only after the server started, and when there is none, the command
 * fails at once with {@link com.quantdesk.server.redis.RedisUnavailableException}.
 *
 * <p>Generic in the key type although it is only used with {@code byte[]}: Bucket4j passes the
 * keys as an {@code Object[]}, which a method declared with {@code byte[][]} would fail to cast.
 */
final class ConnectionRedisApi<K> implements RedisApi<K> {

    private final Supplier<RedisAsyncCommands<K, byte[]>> commands;

    ConnectionRedisApi(Supplier<RedisAsyncCommands<K, byte[]>> commands) {
        this.commands = commands;
    }

    @Override
    public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] args) {
        return commands.get().eval(script, type, keys, args);
    }

    @Override
    public RedisFuture<byte[]> get(K key) {
        return commands.get().get(key);
    }

    @Override
    @SuppressWarnings("unchecked") // Lettuce takes keys as varargs; this array of one never leaves the call
    public RedisFuture<?> delete(K key) {
        return commands.get().del(key);
    }
}
