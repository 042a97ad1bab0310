package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.FakeKite.Answer.error;
import static com.quantdesk.kite.rest.FakeKite.Answer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Side;
import com.quantdesk.kite.rest.CircuitBreaker.State;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResilienceIT {

    private static final KiteResilience RESILIENCE = new KiteResilience(1, Duration.ofMillis(200),
            Duration.ofSeconds(2), 3, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1));

    private KiteTestbed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new KiteTestbed(RESILIENCE, null, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void secondQuoteInTheSameSecondWaitsForItsPermit() {
        bed.kite.on("GET", "/quote/ltp", success("{}"));

        bed.client.ltp(List.of(InstrumentKey.nse("INFY")));
        bed.client.ltp(List.of(InstrumentKey.nse("INFY")));

        assertThat(bed.kite.requests("GET", "/quote/ltp")).hasSize(2);
        assertThat(bed.sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void callThatWouldWaitLongerThanAllowedFailsUnsentWithWouldExceed() {
        bed.kite.on("POST", "/orders/regular", success("{\"order_id\":\"1\"}"));
        OrderRequest order = OrderRequest.market(InstrumentKey.nse("INFY"), Side.BUY, 1, KiteProduct.MIS,
                OrderTag.of(OrderId.of(1)));
        for (int i = 0; i < 400; i++) {
            bed.client.placeOrder(order);
        }

        assertThatThrownBy(() -> bed.client.placeOrder(order))
                .isInstanceOfSatisfying(KiteException.RateLimitExceededException.class, e -> {
                    assertThat(e.endpointClass()).isEqualTo(EndpointClass.ORDERS);
                    assertThat(e.waitNeeded()).isGreaterThan(Duration.ofSeconds(2));
                    assertThat(e.isOutcomeUnknown()).isFalse();
                });
        assertThat(bed.kite.requests("POST", "/orders/regular")).hasSize(400);
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresThenHalfOpensAndClosesOnSuccess() {
        bed.kite.on("GET", "/portfolio/holdings", error(503, "NetworkException", "down"),
                error(503, "NetworkException", "down"), error(503, "NetworkException", "down"), success("[]"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> bed.client.holdings()).isInstanceOf(KiteException.NetworkException.class);
        }
        assertThat(bed.transport.breakerState(EndpointClass.OTHER)).isEqualTo(State.OPEN);
        assertThat(bed.transport.breakerState(EndpointClass.QUOTE)).isEqualTo(State.CLOSED);

        assertThatThrownBy(() -> bed.client.holdings()).isInstanceOf(KiteException.CircuitOpenException.class);
        assertThat(bed.kite.requests()).hasSize(3);

        bed.clock.advance(Duration.ofSeconds(30));
        assertThat(bed.transport.breakerState(EndpointClass.OTHER)).isEqualTo(State.HALF_OPEN);
        assertThat(bed.client.holdings()).isEmpty();
        assertThat(bed.transport.breakerState(EndpointClass.OTHER)).isEqualTo(State.CLOSED);
    }

    @Test
    void fiveHundredsWithAnEnvelopeCountAgainstTheBreakerToo() {
        // A 502 DataException (OMS unreachable) or a 500 GeneralException is not retried, but Kite is unwell.
        bed.kite.on("GET", "/portfolio/holdings", error(502, "DataException", "Unknown content type"),
                error(500, "GeneralException", "Something went wrong"), error(502, "DataException", "again"));
        assertThatThrownBy(() -> bed.client.holdings()).isInstanceOf(KiteException.DataException.class);
        assertThatThrownBy(() -> bed.client.holdings()).isInstanceOf(KiteException.GeneralException.class);
        assertThatThrownBy(() -> bed.client.holdings()).isInstanceOf(KiteException.DataException.class);

        assertThat(bed.transport.breakerState(EndpointClass.OTHER)).isEqualTo(State.OPEN);
        assertThat(bed.kite.requests()).hasSize(3);
    }

    @Test
    void rejectedInputDoesNotCountAgainstTheBreaker() {
        bed.kite.on("GET", "/orders", error(400, "InputException", "bad"));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> bed.client.orders()).isInstanceOf(KiteException.InputException.class);
        }
        assertThat(bed.transport.breakerState(EndpointClass.OTHER)).isEqualTo(State.CLOSED);
    }
}
