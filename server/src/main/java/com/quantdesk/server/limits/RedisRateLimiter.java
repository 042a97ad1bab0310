package com.quantdesk.server.limits;

import com.quantdesk.server.redis.RedisConnection;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Rate limits kept in Redis, shared by every server node that uses the same Redis and prefix.
 * Bucket4j updates a bucket by compare-and-swap, so concurrent requests from any number of nodes
 * never take more than the limit.
 *
 * <p>A bucket is the key {@code <prefix><limit name>:<capacity>/<period ms>ms:<key>}, set to expire
 * when its tokens come back, so Redis holds only buckets inside their window. When Redis cannot
 * answer, {@link #tryAcquire} throws {@link com.quantdesk.server.redis.RedisUnavailableException}
 * within about a second.
 */
public final class RedisRateLimiter implements RateLimiter {

    // Bucket4j's deadline for one acquisition, compare-and-swap retries included; each command
    // already gives up after the connection's 500 ms.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private final RedisConnection redis;
    private final String prefix;
    private final ProxyManager<byte[]> buckets;

    /**
     * Keeps buckets in the Redis that {@code redis} connects to.
     *
     * @param prefix put before every key, such as {@code qd:rl:}
     */
    public RedisRateLimiter(RedisConnection redis, String prefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(
                        new ConnectionRedisApi<byte[]>(() -> redis.bytes().async()))
                // A bucket whose tokens have all come back is the same as no bucket, so it may go.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .requestTimeout(REQUEST_TIMEOUT)
                .build();
    }

    @Override
    public Decision tryAcquire(String key, Limit limit) {
        return onRedis(key, limit, bucket -> Buckets.decision(limit, bucket.tryConsumeAndReturnRemaining(1)));
    }

    @Override
    public Decision peek(String key, Limit limit) {
        return onRedis(key, limit, bucket -> Buckets.decision(limit, bucket.estimateAbilityToConsume(1)));
    }

    /** Asks the key's bucket in Redis, translating a Redis failure into the connection's unavailable error. */
    private Decision onRedis(String key, Limit limit, java.util.function.Function<BucketProxy, Decision> ask) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        byte[] id = redisKey(key, limit).getBytes(StandardCharsets.UTF_8);
        try {
            return ask.apply(buckets.getProxy(id, () -> Buckets.configuration(limit)));
        } catch (RedisException | BucketExceptions.BucketExecutionException e) {
            throw redis.unavailable(e);
        }
    }

    /** Whether Redis answers a PING. */
    @Override
    public boolean healthy() {
        return redis.ping();
    }

    private String redisKey(String key, Limit limit) {
        return prefix + limit.bucketName() + ":" + key;
    }
}
