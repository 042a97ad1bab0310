package com.quantdesk.server.limits;

/**
 * Counts requests per key under a {@link Limit}. Safe for any number of threads.
 */
public interface RateLimiter {

    /**
     * Takes one request's token from the bucket of {@code key} under {@code limit}, if there is one.
     *
     * @param key whose requests are counted, such as {@code ip:10.0.0.1} or {@code user:asha}
     * @throws com.quantdesk.server.redis.RedisUnavailableException when the buckets are in Redis and
     *         it cannot answer; the caller fails closed
     */
    Decision tryAcquire(String key, Limit limit);

    /**
     * Whether a request could take a token now, without taking it: {@code remaining} tokens left, or
     * refused with the seconds until one comes back.
     *
     * @throws com.quantdesk.server.redis.RedisUnavailableException as {@link #tryAcquire}
     */
    Decision peek(String key, Limit limit);

    /** Whether {@link #tryAcquire} can answer now. */
    boolean healthy();
}
