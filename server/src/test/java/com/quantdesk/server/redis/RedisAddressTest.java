package com.quantdesk.server.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisAddressTest {

    @ParameterizedTest
    @CsvSource({
            "redis://127.0.0.1,                         redis://127.0.0.1:6379/0",
            "redis://cache.internal:6380/2,             redis://cache.internal:6380/2",
            "redis://:s3cret@cache.internal,            redis://***@cache.internal:6379/0",
            "redis://s3cret@cache.internal,             redis://***@cache.internal:6379/0",
            "rediss://app:p%40ss@cache.internal:6390/1, rediss://app:***@cache.internal:6390/1",
            "REDIS://[::1]:6379,                        redis://[::1]:6379/0",
    })
    void showsTheUrlWithThePasswordMasked(String url, String safe) {
        assertThat(RedisAddress.parse(url).safeUrl()).isEqualTo(safe);
    }

    @Test
    void givesLettuceTheDecodedPasswordDatabaseAndTimeout() {
        RedisURI uri = RedisAddress.parse("rediss://app:p%40ss@cache.internal:6390/3")
                .toRedisUri(Duration.ofMillis(500));

        assertThat(uri.getHost()).isEqualTo("cache.internal");
        assertThat(uri.getPort()).isEqualTo(6390);
        assertThat(uri.isSsl()).isTrue();
        assertThat(uri.getDatabase()).isEqualTo(3);
        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        assertThat(credentials.getUsername()).isEqualTo("app");
        assertThat(credentials.getPassword()).containsExactly('p', '@', 's', 's');
        assertThat(uri.getTimeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void saysWhetherAPasswordIsGivenAndToWhichHost() {
        assertThat(RedisAddress.parse("redis://s3cret@cache.internal").hasPassword()).isTrue();
        assertThat(RedisAddress.parse("redis://:s3cret@cache.internal").hasPassword()).isTrue();
        assertThat(RedisAddress.parse("redis://app:s3cret@cache.internal").hasPassword()).isTrue();
        assertThat(RedisAddress.parse("redis://app:@cache.internal").hasPassword()).isFalse();
        assertThat(RedisAddress.parse("redis://cache.internal:6390/2").hasPassword()).isFalse();
        assertThat(RedisAddress.parse("redis://[::1]:6379").host()).isEqualTo("::1");
    }

    @Test
    void takesAUserInfoWithoutAColonAsThePassword() {
        RedisURI uri = RedisAddress.parse("redis://s3cret@cache.internal").toRedisUri(Duration.ofMillis(500));

        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        assertThat(credentials.hasUsername()).isFalse();
        assertThat(credentials.getPassword()).containsExactly('s', '3', 'c', 'r', 'e', 't');
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://:s3cret@cache.internal",
            "cache.internal:6379",
            "redis://:s3cret@",
            "redis://:s3 cret@cache.internal",
            "redis://:s3cret@cache.internal/zero",
            "redis://:s3cret@cache.internal:6379?timeout=5s",
            "redis://:s3cret@cache.internal:99999",
    })
    void refusesAMalformedUrlNamingItWithoutThePassword(String url) {
        assertThatThrownBy(() -> RedisAddress.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed Redis URL '")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("s3 cret");
    }

    @Test
    void masksTheUserInfoOfTextThatDoesNotParse() {
        assertThat(RedisAddress.mask("redis://app:p@ss w@rd@host:6379")).isEqualTo("redis://app:***@host:6379");
        assertThat(RedisAddress.mask("redis://p@ss@host")).isEqualTo("redis://***@host");
        assertThat(RedisAddress.mask("p@ss@host")).isEqualTo("***@host");
        assertThat(RedisAddress.mask("redis://host:6379")).isEqualTo("redis://host:6379");
    }

    @Test
    void scrubsThePasswordFromOtherText() {
        RedisAddress address = RedisAddress.parse("redis://:s3cret@cache.internal");

        assertThat(address.scrub("AUTH s3cret failed")).isEqualTo("AUTH *** failed");
    }
}
