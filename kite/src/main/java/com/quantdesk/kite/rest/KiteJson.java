package com.quantdesk.kite.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.core.domain.Paise;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Field readers for Kite's JSON: prices to paise exactly (from the decimal text, never through a
 * {@code double}), IST timestamps to {@link Instant}. A missing or malformed required field is a
 * {@link KiteException.DataException} naming the field.
 */
final class KiteJson {

    /** Kite's time zone. */
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /** {@code 2021-05-31 09:16:39}, as in orders, trades and quotes. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** {@code 2017-12-15T09:15:00+0530}, as in historical candles. */
    static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    private KiteJson() {
    }

    /**
     * The mapper for Kite's answers: numbers with a fraction are read as {@link BigDecimal} from
     * their text, so {@code 1520.05} never passes through a {@code double}.
     */
    static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** A rupee decimal to paise: exact for two decimals, half-even beyond (average prices). */
    static long paise(BigDecimal rupees) {
        return Paise.fromRupees(rupees);
    }

    /** A rupee text such as {@code 1520.05} to paise. */
    static long paise(String rupees) {
        return Paise.fromRupees(new BigDecimal(rupees.trim()));
    }

    /** A required price field in paise. */
    static long paise(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (!value.isNumber()) {
            throw malformed(field, value);
        }
        return paise(value.decimalValue());
    }

    /** An optional price field in paise; 0 when missing or null. */
    static long paiseOrZero(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? 0 : paise(node, field);
    }

    /** An optional whole-number field; 0 when missing or null. */
    static long longOrZero(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber()) {
            throw malformed(field, value);
        }
        try {
            return value.decimalValue().longValueExact();
        } catch (ArithmeticException e) {
            throw malformed(field, value);
        }
    }

    /** A required whole-number field. */
    static long longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        return longOrZero(node, field);
    }

    /** A required text field. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        return value.asText();
    }

    /** An optional text field; empty when missing or null. */
    static String textOrEmpty(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** A list of text values; empty when missing. */
    static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    /** An optional {@code yyyy-MM-dd HH:mm:ss} IST timestamp; {@code null} when missing, null or empty. */
    static Instant instantOrNull(JsonNode node, String field) {
        String text = textOrEmpty(node, field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parseTimestamp(text);
        } catch (DateTimeParseException e) {
            throw malformed(field, node.get(field));
        }
    }

    /** A {@code yyyy-MM-dd HH:mm:ss} IST text to an instant. */
    static Instant parseTimestamp(String text) {
        return LocalDateTime.parse(text, TIMESTAMP).atZone(IST).toInstant();
    }

    /** An instant as Kite's IST text {@code yyyy-MM-dd HH:mm:ss}. */
    static String formatTimestamp(Instant instant) {
        return TIMESTAMP.format(instant.atZone(IST));
    }

    /** A candle time {@code 2017-12-15T09:15:00+0530} to an instant. */
    static Instant parseCandleTime(String text) {
        try {
            return OffsetDateTime.parse(text, CANDLE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw KiteException.data(200, "malformed candle time '" + text + "'");
        }
    }

    /** The error for a required field that is absent. */
    static KiteException missing(String field) {
        return KiteException.data(200, "field '" + field + "' is missing");
    }

    private static KiteException malformed(String field, JsonNode value) {
        return KiteException.data(200, "field '" + field + "' is malformed: " + value);
    }
}
