package com.quantdesk.server.limits;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitTest {

    @ParameterizedTest
    @CsvSource({
            "100/min,   100, PT1M",
            "1000/hour, 1000, PT1H",
            "10/s,      10, PT1S",
            "5/min,     5, PT1M",
            "2000/day,  2000, PT24H",
            "' 7 / Minute ', 7, PT1M",
            "3/sec,     3, PT1S",
            "4/h,       4, PT1H",
    })
    void readsCountPerUnit(String text, long capacity, Duration period) {
        assertThat(Limit.parse("api", text)).isEqualTo(new Limit("api", capacity, period));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "100", "100/", "/min", "100/week", "100 per min", "-1/min", "1.5/min",
            "100/min/extra", "0/min"})
    void refusesTextItCannotReadNamingTheLimitAndTheText(String text) {
        assertThatThrownBy(() -> Limit.parse("login", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate limit 'login'")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void refusesAMissingText() {
        assertThatThrownBy(() -> Limit.parse("login", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate limit 'login' has no value; expected e.g. 100/min");
    }

    @Test
    void needsACapacityOfOneAndAPeriodOfASecond() {
        assertThatThrownBy(() -> new Limit("login", 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate limit 'login': capacity must be at least 1, not 0");
        assertThatThrownBy(() -> new Limit("login", 5, Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate limit 'login': period must be at least 1 s, not PT0.999S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "orders:place", "log in"})
    void needsANameThatCanBePartOfARedisKey(String name) {
        assertThatThrownBy(() -> new Limit(name, 5, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate limit name '" + name + "' must be non-empty, without colons or spaces");
    }

    @Test
    void namesItsBucketsByNameAndShape() {
        assertThat(new Limit("login", 5, Duration.ofMinutes(1)).bucketName()).isEqualTo("login:5/60000ms");
    }
}
