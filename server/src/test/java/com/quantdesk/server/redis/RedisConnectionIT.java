package com.quantdesk.server.redis;

import io.lettuce.core.RedisException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RedisConnectionIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Test
    void answersPingAndCommandsOnBothConnections() {
        String prefix = TestRedis.prefix();
        try (RedisConnection redis = RedisConnection.open(TestRedis.url())) {
            assertThat(redis.ping()).isTrue();

            redis.strings().sync().set(prefix + "greeting", "namaste");
            assertThat(redis.bytes().sync().get((prefix + "greeting").getBytes()))
                    .isEqualTo("namaste".getBytes());
            assertThat(TestRedis.deleteKeys(redis, prefix)).isEqualTo(1);
        }
    }

    @Test
    void reportsAnUnreachableServerPromptlyWithoutThePassword() {
        try (RedisConnection redis = RedisConnection.open("redis://:s3cret@127.0.0.1:1")) {
            assertThat(redis.safeUrl()).isEqualTo("redis://***@127.0.0.1:1/0");

            assertTimeoutPreemptively(PROMPTLY, () -> assertThat(redis.ping()).isFalse());
            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(redis::strings)
                    .isInstanceOf(RedisUnavailableException.class)
                    .hasMessageContaining("redis://***@127.0.0.1:1/0")
                    .hasMessageNotContaining("s3cret"));
        }
    }

    @Test
    void connectsOnceRedisStartsAndReconnectsAfterItRestarts() throws Exception {
        int port = TestRedis.freePort();
        RedisServer server = TestRedis.embedded(port);
        try (RedisConnection redis = RedisConnection.open("redis://127.0.0.1:" + port)) {
            // Opened before Redis is there: refused at once, not left waiting.
            assertTimeoutPreemptively(PROMPTLY, () -> assertThat(redis.ping()).isFalse());

            server.start();
            await().atMost(Duration.ofSeconds(10)).until(redis::ping);

            server.stop();
            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> redis.strings().sync().get("k"))
                    .isInstanceOf(RedisException.class));
            assertTimeoutPreemptively(PROMPTLY, () -> assertThat(redis.ping()).isFalse());

            server.start();
            await().atMost(Duration.ofSeconds(10)).until(redis::ping);
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesUseAfterClose() {
        RedisConnection redis = RedisConnection.open(TestRedis.url());
        redis.close();

        assertThat(redis.ping()).isFalse();
        assertThatThrownBy(redis::bytes)
                .isInstanceOf(RedisUnavailableException.class)
                .hasMessageContaining("is closed");
    }
}
