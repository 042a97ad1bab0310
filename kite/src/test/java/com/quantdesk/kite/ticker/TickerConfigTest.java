package com.quantdesk.kite.ticker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TickerConfigTest {

    @Test
    void buildsZerodhasUrlWithTheCredentialsInTheQuery() {
        TickerConfig config = TickerConfig.of(TickerConfig.ZERODHA, "abc123", "tok+en");

        assertThat(config.url()).isEqualTo(URI.create("wss://ws.kite.trade?api_key=abc123&access_token=tok%2Ben"));
        assertThat(config.staleAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void neverPrintsTheAccessToken() {
        assertThat(TickerConfig.of(TickerConfig.ZERODHA, "abc123", "secret-token").toString())
                .doesNotContain("secret-token").contains("accessToken=***");
    }

    @Test
    void rejectsARootWithAQueryAndANonPositiveThreshold() {
        assertThatThrownBy(() -> TickerConfig.of(URI.create("wss://ws.kite.trade?x=1"), "k", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TickerConfig.of(TickerConfig.ZERODHA, "k", "t").withStaleAfter(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
