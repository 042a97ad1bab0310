package com.quantdesk.kite.ticker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the ticker's text messages (docs/kite-connect.md §B.5) into {@link TextMessage}s. Never
 * throws on what a peer sends: bad input becomes {@link TextMessage.Malformed}. Thread-safe.
 */
public final class TextMessageParser {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    // Floats as BigDecimal: 1573.7 stays 1573.7, never 1573.69999….
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Parses one text message. */
    public TextMessage parse(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            return new TextMessage.Malformed("not JSON: " + e.getOriginalMessage(), text);
        }
        if (root == null || !root.isObject()) {
            return new TextMessage.Malformed("not a JSON object", text);
        }
        String type = root.path("type").asText("");
        JsonNode data = root.path("data");
        return switch (type) {
            case "order" -> data.isObject() ? order(data, text) : new TextMessage.Malformed("order data is not an object", text);
            case "error" -> new TextMessage.Error(asText(data));
            case "message" -> new TextMessage.Notice(asText(data));
            default -> new TextMessage.Unknown(type, text);
        };
    }

    private static TextMessage order(JsonNode d, String text) {
        try {
            return new TextMessage.Order(new OrderUpdate(str(d, "order_id"), str(d, "exchange_order_id"),
                    str(d, "parent_order_id"), str(d, "status"), str(d, "status_message"), str(d, "tag"),
                    str(d, "exchange"), str(d, "tradingsymbol"), whole(d, "instrument_token"),
                    str(d, "transaction_type"), str(d, "order_type"), str(d, "product"), str(d, "variety"),
                    str(d, "validity"), whole(d, "quantity"), whole(d, "filled_quantity"),
                    whole(d, "pending_quantity"), whole(d, "cancelled_quantity"), decimal(d, "price"),
                    decimal(d, "trigger_price"), decimal(d, "average_price"), time(d, "order_timestamp"),
                    time(d, "exchange_timestamp")));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            return new TextMessage.Malformed("order update: " + e.getMessage(), text);
        }
    }

    private static String asText(JsonNode data) {
        return data.isMissingNode() || data.isNull() ? "" : data.isTextual() ? data.asText() : data.toString();
    }

    private static String str(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static long whole(JsonNode d, String field) {
        BigDecimal v = decimal(d, field);
        return v.longValueExact();
    }

    private static BigDecimal decimal(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " is not a number: " + v.asText(), e);
            }
        }
        throw new IllegalArgumentException(field + " is not a number: " + v);
    }

    private static Optional<Instant> time(JsonNode d, String field) {
        String v = str(d, field);
        return v.isEmpty() ? Optional.empty() : Optional.of(LocalDateTime.parse(v, KITE_TIME).atZone(IST).toInstant());
    }
}
