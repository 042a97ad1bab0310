package com.quantdesk.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.http.AddressRange;
import com.quantdesk.server.redis.RedisConnection;
import com.quantdesk.server.redis.TestRedis;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two API servers in front of one paper runtime sharing one Redis, as several API nodes would: the
 * rate-limit buckets and the revoked tokens are the same on both; and a server whose Redis is gone
 * fails closed.
 */
class RedisApiTest {

    static final String ADMIN_PASSWORD = ApiTests.ADMIN_PASSWORD;

    @TempDir
    static Path dir;

    static PaperRuntime runtime;
    static ApiServer first;
    static ApiServer second;
    static String prefix;

    @BeforeAll
    static void start() {
        runtime = ApiTests.runtime(dir, List.of("INFY"), "acc");
        prefix = TestRedis.prefix();
        first = server(TestRedis.url());
        second = server(TestRedis.url());
    }

    static ApiServer server(String redisUrl) {
        ServerConfig config = ServerConfig.defaults(dir).withTrustedProxies(List.of(AddressRange.parse(
                "127.0.0.1/32"))).withRedis(redisUrl).withRedisKeyPrefix(prefix).withAddress("127.0.0.1", 0);
        return ApiTests.server(config, runtime, ApiTests.NO_BACKTESTS);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {first, second}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (runtime != null) {
            runtime.close();
        }
        try (RedisConnection redis = RedisConnection.open(TestRedis.url())) {
            await().atMost(Duration.ofSeconds(10)).until(redis::ping);
            TestRedis.deleteKeys(redis, prefix);
        }
    }

    static Http on(ApiServer server, String address) {
        return new Http(URI.create("http://127.0.0.1:" + server.port()), address);
    }

    @Test
    void oneAddressesRequestsCountOnEveryServerTogether() {
        String address = "192.0.2.10";
        for (int i = 1; i <= 100; i++) {
            ApiServer server = i % 2 == 0 ? first : second;
            Http.Answer answer = on(server, address).get("/api/v1/openapi.json", null);
            assertThat(answer.status()).as("request " + i).isEqualTo(200);
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo(Integer.toString(100 - i));
        }
        assertThat(on(first, address).get("/api/v1/openapi.json", null).status()).isEqualTo(429);
        assertThat(on(second, address).get("/api/v1/openapi.json", null).status()).isEqualTo(429);
        assertThat(on(second, "192.0.2.11").get("/api/v1/openapi.json", null).status()).isEqualTo(200);
    }

    @Test
    void aTokenRevokedThroughOneServerIsRefusedByTheOther() {
        Http.Answer login = on(first, "192.0.2.20").post("/api/v1/auth/login", null, Map.of("username", "admin",
                "password", ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String token = login.json().path("accessToken").asText();
        assertThat(on(second, "192.0.2.20").get("/api/v1/auth/me", token).status()).isEqualTo(200);
        assertThat(on(first, "192.0.2.20").post("/api/v1/auth/logout", token, Map.of()).status()).isEqualTo(204);
        assertThat(on(second, "192.0.2.20").get("/api/v1/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void readinessIncludesRedis() {
        await().atMost(Duration.ofSeconds(30)).until(() -> on(first, "192.0.2.30").get("/ready", null).status()
                == 200);
        JsonNode checks = on(first, "192.0.2.30").get("/ready", null).json().path("checks");
        assertThat(checks.path("redis").asBoolean()).isTrue();
    }

    @Test
    void withItsRedisGoneAServerFailsClosedAndIsNotReady() throws Exception {
        int port = TestRedis.freePort();
        RedisServer redis = TestRedis.embedded(port);
        redis.start();
        ApiServer lonely;
        try {
            lonely = server("redis://127.0.0.1:" + port);
        } catch (RuntimeException e) {
            redis.stop();
            throw e;
        }
        try {
            Http http = on(lonely, "192.0.2.40");
            assertThat(http.get("/api/v1/openapi.json", null).status()).isEqualTo(200);
            redis.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/openapi.json", null).status()
                    == 503);
            Http.Answer refused = http.post("/api/v1/auth/login", null, Map.of("username", "admin", "password",
                    ADMIN_PASSWORD));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).doesNotContain("Exception");
            Http.Answer ready = http.get("/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("checks").path("redis").asBoolean()).isFalse();
            assertThat(http.get("/health", null).status()).isEqualTo(200);
        } finally {
            lonely.close();
            redis.stop();
        }
    }
}
