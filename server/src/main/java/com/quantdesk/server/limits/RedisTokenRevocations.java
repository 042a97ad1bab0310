package com.quantdesk.server.limits;

import com.quantdesk.server.redis.RedisConnection;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Revoked tokens in Redis, seen by every server node: one key per token, {@code <prefix><jti>},
 * which Redis deletes when the token expires. Every call asks Redis, and throws
 * {@link com.quantdesk.server.redis.RedisUnavailableException} within about a second when it cannot
 * answer.
 */
public final class RedisTokenRevocations implements TokenRevocations {

    private final RedisConnection redis;
    private final String prefix;
    private final InstantSource clock;

    /** With the system clock. */
    public RedisTokenRevocations(RedisConnection redis, String prefix) {
        this(redis, prefix, InstantSource.system());
    }

    /**
     * Keeps revocations in the Redis that {@code redis} connects to.
     *
     * @param prefix put before every key, such as {@code qd:revoked:}
     * @param clock  how long a revocation must last is measured from its now
     */
    public RedisTokenRevocations(RedisConnection redis, String prefix, InstantSource clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void revoke(String jti, Instant expiresAt) {
        TokenRevocations.requireValidJti(jti);
        // A time to live rather than an instant (PXAT): this server's clock issued the token, and
        // Redis's clock may differ from it.
        long ttlMillis = expiresAt.toEpochMilli() - clock.millis();
        if (ttlMillis <= 0) {
            return; // expired tokens are refused anyway
        }
        try {
            redis.strings().sync().set(prefix + jti, "1", SetArgs.Builder.px(ttlMillis));
        } catch (RedisException e) {
            throw redis.unavailable(e);
        }
    }

    @Override
    public boolean isRevoked(String jti) {
        Objects.requireNonNull(jti, "jti");
        try {
            return redis.strings().sync().exists(prefix + jti) > 0;
        } catch (RedisException e) {
            throw redis.unavailable(e);
        }
    }

    /** Whether Redis answers a PING. */
    @Override
    public boolean healthy() {
        return redis.ping();
    }
}
