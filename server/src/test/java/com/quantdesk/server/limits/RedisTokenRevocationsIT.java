package com.quantdesk.server.limits;

import com.quantdesk.server.redis.RedisConnection;
import com.quantdesk.server.redis.RedisUnavailableException;
import com.quantdesk.server.redis.TestRedis;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RedisTokenRevocationsIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private final String prefix = TestRedis.prefix();
    private final RedisConnection redis = RedisConnection.open(TestRedis.url());
    private final RedisTokenRevocations revocations = new RedisTokenRevocations(redis, prefix);

    @AfterEach
    void deleteKeys() {
        try (redis) {
            TestRedis.deleteKeys(redis, prefix);
        }
    }

    @Test
    void revokesATokenUntilItExpires() {
        revocations.revoke("jti-1", Instant.now().plus(Duration.ofMinutes(10)));

        assertThat(revocations.isRevoked("jti-1")).isTrue();
        assertThat(revocations.isRevoked("jti-2")).isFalse();
        assertThat(redis.strings().sync().pttl(prefix + "jti-1")).isBetween(1L, 600_000L);
    }

    @Test
    void forgetsTheRevocationWhenTheTokenExpires() {
        revocations.revoke("jti-1", Instant.now().plus(Duration.ofSeconds(1)));

        await().atMost(Duration.ofSeconds(5)).until(() -> !revocations.isRevoked("jti-1"));
    }

    @Test
    void doesNotRecordATokenThatHasAlreadyExpired() {
        revocations.revoke("jti-1", Instant.now().minusSeconds(1));

        assertThat(revocations.isRevoked("jti-1")).isFalse();
        assertThat(redis.strings().sync().exists(prefix + "jti-1")).isZero();
    }

    @Test
    void measuresTheRevocationFromItsOwnClock() {
        Instant now = Instant.parse("2026-01-05T09:15:00Z");
        RedisTokenRevocations atNine = new RedisTokenRevocations(redis, prefix, () -> now);

        atNine.revoke("jti-1", now.plus(Duration.ofMinutes(15)));

        assertThat(redis.strings().sync().pttl(prefix + "jti-1")).isBetween(899_000L, 900_000L);
    }

    @Test
    void sharesRevocationsBetweenNodes() {
        try (RedisConnection otherRedis = RedisConnection.open(TestRedis.url())) {
            RedisTokenRevocations otherNode = new RedisTokenRevocations(otherRedis, prefix);

            revocations.revoke("jti-1", Instant.now().plus(Duration.ofMinutes(10)));

            assertThat(otherNode.isRevoked("jti-1")).isTrue();
        }
    }

    @Test
    void refusesATokenIdThatIsEmptyOrTooLong() {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));

        assertThatThrownBy(() -> revocations.revoke("", later))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a token id must be 1 to 64 characters, not 0 characters");
        assertThatThrownBy(() -> revocations.revoke("x".repeat(65), later))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a token id must be 1 to 64 characters, not 65 characters");
    }

    @Test
    void reportsAnUnreachableRedisPromptly() {
        try (RedisConnection unreachable = RedisConnection.open("redis://:s3cret@127.0.0.1:1")) {
            RedisTokenRevocations cutOff = new RedisTokenRevocations(unreachable, prefix);
            Instant later = Instant.now().plus(Duration.ofMinutes(10));

            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> cutOff.revoke("jti-1", later))
                    .isInstanceOf(RedisUnavailableException.class)
                    .hasMessageNotContaining("s3cret"));
            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> cutOff.isRevoked("jti-1"))
                    .isInstanceOf(RedisUnavailableException.class));
            assertTimeoutPreemptively(PROMPTLY, () -> assertThat(cutOff.healthy()).isFalse());
        }
    }

    @Test
    void isHealthyWhenRedisAnswers() {
        assertThat(revocations.healthy()).isTrue();
    }
}
