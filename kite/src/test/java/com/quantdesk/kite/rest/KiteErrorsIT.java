package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.FakeKite.Answer.error;
import static com.quantdesk.kite.rest.FakeKite.Answer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.kite.rest.KiteException.Disposition;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KiteErrorsIT {

    private KiteTestbed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new KiteTestbed();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    static Stream<Arguments> errorTypes() {
        return Stream.of(
                Arguments.of("TokenException", 403, KiteException.TokenException.class, Disposition.FATAL),
                Arguments.of("NetworkException", 503, KiteException.NetworkException.class, Disposition.RETRYABLE),
                Arguments.of("NetworkException", 429, KiteException.NetworkException.class, Disposition.RETRYABLE),
                Arguments.of("InputException", 400, KiteException.InputException.class, Disposition.NOT_RETRYABLE),
                Arguments.of("OrderException", 500, KiteException.OrderException.class, Disposition.NOT_RETRYABLE),
                Arguments.of("PermissionException", 403, KiteException.PermissionException.class,
                        Disposition.NOT_RETRYABLE),
                Arguments.of("MarginException", 400, KiteException.MarginException.class, Disposition.NOT_RETRYABLE),
                Arguments.of("HoldingException", 400, KiteException.HoldingException.class, Disposition.NOT_RETRYABLE),
                Arguments.of("UserException", 403, KiteException.UserException.class, Disposition.NOT_RETRYABLE),
                Arguments.of("DataException", 502, KiteException.DataException.class, Disposition.NOT_RETRYABLE),
                Arguments.of("GeneralException", 500, KiteException.GeneralException.class, Disposition.NOT_RETRYABLE),
                Arguments.of("BrandNewException", 418, KiteException.GeneralException.class,
                        Disposition.NOT_RETRYABLE));
    }

    @ParameterizedTest(name = "{0} HTTP {1}")
    @MethodSource("errorTypes")
    void errorEnvelopeBecomesTypedException(String errorType, int status, Class<? extends KiteException> type,
                                            Disposition disposition) {
        bed.kite.on("GET", "/user/profile", error(status, errorType, "went wrong: " + errorType));

        assertThatThrownBy(() -> bed.client.profile()).isInstanceOfSatisfying(type, e -> {
            assertThat(e.errorType()).isEqualTo(errorType);
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.getMessage()).isEqualTo("went wrong: " + errorType);
            assertThat(e.disposition()).isEqualTo(disposition);
        });
        int attempts = disposition == Disposition.RETRYABLE ? KiteResilience.DEFAULTS.maxReadAttempts() : 1;
        assertThat(bed.kite.requests()).hasSize(attempts);
    }

    @Test
    void htmlFromAProxyWith502IsARetryableNetworkException() {
        bed.kite.on("GET", "/user/profile", new FakeKite.Answer(502, "text/html", "<html>Bad Gateway</html>"));

        assertThatThrownBy(() -> bed.client.profile())
                .isInstanceOfSatisfying(KiteException.NetworkException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("not a JSON object").contains("Bad Gateway");
                });
    }

    @Test
    void emptySuccessAnswerIsADataException() {
        bed.kite.on("GET", "/user/profile", new FakeKite.Answer(200, "application/json", ""));

        assertThatThrownBy(() -> bed.client.profile())
                .isInstanceOfSatisfying(KiteException.DataException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.getMessage()).contains("empty answer");
                });
        assertThat(bed.kite.requests()).hasSize(1);
    }

    @Test
    void nonJsonSuccessAnswerIsADataException() {
        bed.kite.on("GET", "/orders", new FakeKite.Answer(200, "text/plain", "hello"));

        assertThatThrownBy(() -> bed.client.orders()).isInstanceOf(KiteException.DataException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void nonJsonClientErrorIsAGeneralExceptionWithItsStatus() {
        bed.kite.on("GET", "/orders", new FakeKite.Answer(405, "text/plain", "Method Not Allowed"));

        assertThatThrownBy(() -> bed.client.orders())
                .isInstanceOfSatisfying(KiteException.GeneralException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(405));
    }

    @Test
    void missingRequiredFieldIsADataExceptionNamingIt() {
        bed.kite.on("GET", "/orders", success("[{\"order_id\":\"1\"}]"));

        assertThatThrownBy(() -> bed.client.orders()).isInstanceOf(KiteException.DataException.class)
                .hasMessageContaining("'status'");
    }

    @Test
    void readIsRetriedWithGrowingJitteredBackoffUntilItSucceeds() {
        bed.kite.on("GET", "/portfolio/holdings", error(503, "NetworkException", "OMS down"),
                new FakeKite.Answer(504, "text/html", "<html>timeout</html>"), success("[]"));

        assertThat(bed.client.holdings()).isEmpty();

        assertThat(bed.kite.requests("GET", "/portfolio/holdings")).hasSize(3);
        assertThat(bed.sleeper.waits()).hasSize(2);
        assertThat(bed.sleeper.waits().get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(bed.sleeper.waits().get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void readRetriesAreBounded() {
        bed.kite.on("GET", "/trades", error(429, "NetworkException", "Too many requests"));

        assertThatThrownBy(() -> bed.client.trades()).isInstanceOf(KiteException.NetworkException.class);

        assertThat(bed.kite.requests()).hasSize(3);
    }

    @Test
    void writeIsNeverRetried() {
        bed.kite.on("DELETE", "/orders/regular/151220000000000", error(429, "NetworkException", "Too many requests"));

        assertThatThrownBy(() -> bed.client.cancelOrder(KiteOrderId.of("151220000000000")))
                .isInstanceOf(KiteException.NetworkException.class);

        assertThat(bed.kite.requests()).hasSize(1);
    }

    @Test
    void timeoutIsARetryableNetworkExceptionWithoutStatus() throws Exception {
        try (KiteTestbed quick = new KiteTestbed(new KiteResilience(1, Duration.ZERO, Duration.ZERO, 5,
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ZERO), null, Duration.ofMillis(300))) {
            quick.kite.on("GET", "/user/profile", FakeKite.Answer.HANG);

            assertThatThrownBy(() -> quick.client.profile())
                    .isInstanceOfSatisfying(KiteException.NetworkException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(KiteException.NO_STATUS);
                        assertThat(e.errorType()).isEqualTo("Timeout");
                        assertThat(e.isOutcomeUnknown()).isTrue();
                    });
        }
    }
}
