package com.quantdesk.server.limits;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTest {

    @Test
    void anAllowedRequestHasNoRetryAfter() {
        assertThatThrownBy(() -> new Decision(true, 100, 99, 60, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an allowed request cannot have retryAfterSeconds 5");
    }

    @Test
    void aRefusedRequestWaitsAtLeastASecond() {
        assertThatThrownBy(() -> new Decision(false, 100, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a refused request cannot have retryAfterSeconds 0");
    }

    @Test
    void remainingLiesBetweenZeroAndTheLimit() {
        assertThatThrownBy(() -> new Decision(true, 100, 101, 60, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inconsistent decision: limit 100, remaining 101, reset in 60 s");
    }
}
