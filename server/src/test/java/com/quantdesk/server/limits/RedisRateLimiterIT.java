package com.quantdesk.server.limits;

import com.quantdesk.server.redis.RedisConnection;
import com.quantdesk.server.redis.RedisUnavailableException;
import com.quantdesk.server.redis.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RedisRateLimiterIT extends RateLimiterContract {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    private static final Limit HUNDRED_A_MINUTE = new Limit("api", 100, Duration.ofMinutes(1));

    private final String prefix = TestRedis.prefix();
    private final RedisConnection redis = RedisConnection.open(TestRedis.url());
    private final RedisRateLimiter limiter = new RedisRateLimiter(redis, prefix);

    @Override
    RateLimiter limiter() {
        return limiter;
    }

    @AfterEach
    void deleteKeys() {
        try (redis) {
            TestRedis.deleteKeys(redis, prefix);
        }
    }

    @Test
    void allowsTheCapacityWithinAWindowAndRefusesTheNextRequest() {
        for (int i = 1; i <= 100; i++) {
            Decision decision = limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(100 - i);
        }

        Decision refused = limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(refused.resetSeconds()).isEqualTo(refused.retryAfterSeconds());
    }

    @Test
    void peekingTakesNoTokenFromTheSharedBucket() {
        Limit three = new Limit("failures", 3, Duration.ofMinutes(5));
        assertThat(limiter.peek("ip:10.0.0.1", three)).isEqualTo(new Decision(true, 3, 3, 0, 0));
        assertThat(limiter.peek("ip:10.0.0.1", three)).isEqualTo(new Decision(true, 3, 3, 0, 0));
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("ip:10.0.0.1", three);
        }

        Decision refused = limiter.peek("ip:10.0.0.1", three);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(290L, 300L);
    }

    @Test
    void sharesBucketsBetweenNodesOnTheSameRedis() {
        try (RedisConnection otherRedis = RedisConnection.open(TestRedis.url())) {
            RedisRateLimiter otherNode = new RedisRateLimiter(otherRedis, prefix);

            long allowed = 0;
            for (int i = 0; i < 50; i++) {
                allowed += limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE).allowed() ? 1 : 0;
            }
            for (int i = 0; i < 51; i++) {
                allowed += otherNode.tryAcquire("user:asha", HUNDRED_A_MINUTE).allowed() ? 1 : 0;
            }

            assertThat(allowed).isEqualTo(100);
            assertThat(limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE).allowed()).isFalse();
        }
    }

    @Test
    void grantsExactlyTheCapacityToConcurrentCallersOnTwoNodes() throws Exception {
        try (RedisConnection otherRedis = RedisConnection.open(TestRedis.url())) {
            List<RateLimiter> nodes = List.of(limiter, new RedisRateLimiter(otherRedis, prefix));
            assertThat(grantedConcurrently(nodes, new Limit("orders", 300, Duration.ofMinutes(1)), 8, 100))
                    .isEqualTo(300);
        }
    }

    @Test
    void setsABucketToExpireWhenItsTokensComeBack() {
        Limit perMinute = new Limit("login", 5, Duration.ofMinutes(1));
        Limit perSecond = new Limit("burst", 10, Duration.ofSeconds(1));

        limiter.tryAcquire("ip:10.0.0.1", perMinute);
        limiter.tryAcquire("ip:10.0.0.1", perSecond);

        assertThat(redis.strings().sync().pttl(prefix + "login:5/60000ms:ip:10.0.0.1")).isBetween(1L, 60_000L);
        assertThat(redis.strings().sync().pttl(prefix + "burst:10/1000ms:ip:10.0.0.1")).isBetween(1L, 1_000L);
    }

    @Test
    void reportsAnUnreachableRedisPromptly() {
        try (RedisConnection unreachable = RedisConnection.open("redis://:s3cret@127.0.0.1:1")) {
            RedisRateLimiter cutOff = new RedisRateLimiter(unreachable, prefix);

            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(
                    () -> cutOff.tryAcquire("user:asha", HUNDRED_A_MINUTE))
                    .isInstanceOf(RedisUnavailableException.class)
                    .hasMessageContaining("redis://***@127.0.0.1:1/0")
                    .hasMessageNotContaining("s3cret"));
            assertTimeoutPreemptively(PROMPTLY, () -> assertThat(cutOff.healthy()).isFalse());
        }
    }

    @Test
    void failsClosedWhileRedisIsDownAndRecoversWhenItIsBack() throws Exception {
        int port = TestRedis.freePort();
        RedisServer server = TestRedis.embedded(port);
        server.start();
        try (RedisConnection own = RedisConnection.open("redis://127.0.0.1:" + port)) {
            RedisRateLimiter node = new RedisRateLimiter(own, prefix);
            assertThat(node.tryAcquire("user:asha", HUNDRED_A_MINUTE).allowed()).isTrue();

            server.stop();
            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(
                    () -> node.tryAcquire("user:asha", HUNDRED_A_MINUTE))
                    .isInstanceOf(RedisUnavailableException.class));
            assertTimeoutPreemptively(PROMPTLY, () -> assertThat(node.healthy()).isFalse());

            server.start();
            await().atMost(Duration.ofSeconds(10)).until(node::healthy);
            assertThat(node.tryAcquire("user:asha", HUNDRED_A_MINUTE).allowed()).isTrue();
        } finally {
            server.stop();
        }
    }
}
