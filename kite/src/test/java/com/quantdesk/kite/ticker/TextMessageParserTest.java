package com.quantdesk.kite.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextMessageParserTest {

    private final TextMessageParser parser = new TextMessageParser();

    @Test
    void parsesAnOrderUpdate() {
        String text = """
                {"type":"order","data":{"account_id":"AB1234","order_id":"220303000308932",
                "exchange_order_id":"1000000001482421","parent_order_id":null,"status":"COMPLETE",
                "status_message":null,"order_timestamp":"2022-03-03 09:24:25",
                "exchange_timestamp":"2022-03-03 09:24:25","variety":"regular","exchange":"NSE",
                "tradingsymbol":"SBIN","instrument_token":779521,"order_type":"LIMIT","transaction_type":"BUY",
                "validity":"DAY","product":"CNC","quantity":10,"disclosed_quantity":0,"price":488.75,
                "trigger_price":0,"average_price":488.7,"filled_quantity":10,"pending_quantity":0,
                "cancelled_quantity":0,"tag":"QD000123","guid":"x","checksum":""}}""";

        TextMessage message = parser.parse(text);

        OrderUpdate expected = new OrderUpdate("220303000308932", "1000000001482421", "", "COMPLETE", "",
                "QD000123", "NSE", "SBIN", 779521, "BUY", "LIMIT", "CNC", "regular", "DAY", 10, 10, 0, 0,
                new BigDecimal("488.75"), new BigDecimal("0"), new BigDecimal("488.7"),
                Optional.of(OffsetDateTime.parse("2022-03-03T09:24:25+05:30").toInstant()),
                Optional.of(OffsetDateTime.parse("2022-03-03T09:24:25+05:30").toInstant()));
        assertThat(message).isEqualTo(new TextMessage.Order(expected));
    }

    @Test
    void readsAbsentFieldsAsEmptyOrZero() {
        TextMessage message = parser.parse("{\"type\":\"order\",\"data\":{\"order_id\":\"1\",\"status\":\"OPEN\"}}");

        OrderUpdate update = ((TextMessage.Order) message).update();
        assertThat(update.orderId()).isEqualTo("1");
        assertThat(update.tag()).isEmpty();
        assertThat(update.quantity()).isZero();
        assertThat(update.price()).isEqualByComparingTo("0");
        assertThat(update.orderTimestamp()).isEmpty();
    }

    @Test
    void parsesAnError() {
        assertThat(parser.parse("{\"type\":\"error\",\"data\":\"Invalid access token\"}"))
                .isEqualTo(new TextMessage.Error("Invalid access token"));
    }

    @Test
    void parsesABrokerMessage() {
        assertThat(parser.parse("{\"type\":\"message\",\"data\":\"Exchange is closed\"}"))
                .isEqualTo(new TextMessage.Notice("Exchange is closed"));
    }

    @Test
    void keepsAnUnknownTypeForTheCallerToIgnore() {
        String text = "{\"type\":\"instruments_meta\",\"data\":{\"count\":1}}";

        assertThat(parser.parse(text)).isEqualTo(new TextMessage.Unknown("instruments_meta", text));
    }

    @Test
    void reportsMalformedTextWithoutThrowing() {
        assertThat(parser.parse("not json")).isInstanceOf(TextMessage.Malformed.class);
        assertThat(parser.parse("[1,2]")).isInstanceOf(TextMessage.Malformed.class);
        assertThat(parser.parse("")).isInstanceOf(TextMessage.Malformed.class);
        assertThat(parser.parse("{\"type\":\"order\",\"data\":\"x\"}")).isInstanceOf(TextMessage.Malformed.class);
        assertThat(parser.parse("{\"type\":\"order\",\"data\":{\"order_id\":\"\"}}"))
                .isInstanceOf(TextMessage.Malformed.class);
        assertThat(parser.parse("{\"type\":\"order\",\"data\":{\"order_id\":\"1\",\"quantity\":\"ten\"}}"))
                .isInstanceOf(TextMessage.Malformed.class);
        assertThat(parser.parse("{\"type\":\"order\",\"data\":{\"order_id\":\"1\",\"order_timestamp\":\"soon\"}}"))
                .isInstanceOf(TextMessage.Malformed.class);
    }
}
