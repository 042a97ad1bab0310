package com.quantdesk.kite.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostbacksTest {

    // sha256("220303000308932" + "2022-03-03 09:24:25" + "my-api-secret"), computed with sha256sum.
    private static final String CHECKSUM = "d57a7551930454b2347ff6e6dd00e06c6cf60a04ec91a4d660429bc5d770e3f1";

    private static String body(String checksum) {
        return """
                {"user_id":"AB1234","unfilled_quantity":0,"app_id":1234,"checksum":"%s","placed_by":"AB1234",
                 "order_id":"220303000308932","exchange_order_id":"1000000001482421","status":"COMPLETE",
                 "order_timestamp":"2022-03-03 09:24:25","tradingsymbol":"SBIN","tag":"QD42","quantity":1,
                 "filled_quantity":1,"average_price":470.0}
                """.formatted(checksum);
    }

    @Test
    void aPostbackWithTheRightChecksumIsVerifiedAndRead() {
        Postbacks.Verified verified = Postbacks.verify(body(CHECKSUM), "my-api-secret");

        assertThat(verified).isEqualTo(new Postbacks.Verified("220303000308932", "QD42", "COMPLETE"));
        assertThat(Postbacks.checksum("220303000308932", "2022-03-03 09:24:25", "my-api-secret")).isEqualTo(CHECKSUM);
    }

    @Test
    void aChecksumInCapitalsIsTheSameChecksum() {
        assertThat(Postbacks.verify(body(CHECKSUM.toUpperCase()), "my-api-secret").orderId())
                .isEqualTo("220303000308932");
    }

    @Test
    void anotherSecretOrAChangedBodyIsRefused() {
        assertThatThrownBy(() -> Postbacks.verify(body(CHECKSUM), "another-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("postback checksum does not match order_id + order_timestamp + api_secret");
        String tampered = body(CHECKSUM).replace("2022-03-03 09:24:25", "2022-03-03 09:24:26");
        assertThatThrownBy(() -> Postbacks.verify(tampered, "my-api-secret"))
                .hasMessageContaining("checksum does not match");
    }

    @Test
    void aBodyThatIsNotAPostbackNamesWhatIsMissing() {
        assertThatThrownBy(() -> Postbacks.verify("{\"order_id\":\"1\",\"checksum\":\"ab\"}", "s"))
                .hasMessage("postback without order_timestamp");
        assertThatThrownBy(() -> Postbacks.verify(body(""), "s")).hasMessage("postback without checksum");
        assertThatThrownBy(() -> Postbacks.verify("[1]", "s")).hasMessage("postback body is not a JSON object");
        assertThatThrownBy(() -> Postbacks.verify("status=COMPLETE", "s"))
                .hasMessageStartingWith("postback body is not JSON");
    }
}
