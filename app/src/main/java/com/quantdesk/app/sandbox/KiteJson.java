package com.quantdesk.app.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kite's wire formats: the envelopes, rupee amounts from paise, and its two timestamp styles. */
final class KiteJson {

    /** India Standard Time, the zone of every Kite timestamp. */
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(IST);
    private static final DateTimeFormatter CANDLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(IST);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KiteJson() {
    }

    /** {@code {"status":"success","data":…}} as JSON text. */
    static String success(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("data", data);
        return write(body);
    }

    /** {@code {"status":"error","message":…,"error_type":…,"data":null}} as JSON text. */
    static String error(KiteError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", error.getMessage());
        body.put("error_type", error.errorType());
        body.put("data", null);
        return write(body);
    }

    /** Any value as JSON text. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Reads JSON text into a tree of maps and lists. */
    static Object read(String text) throws JsonProcessingException {
        return MAPPER.readValue(text, Object.class);
    }

    /** Paise as a rupee number with two decimals (JSON number). */
    static BigDecimal rupees(long paise) {
        return BigDecimal.valueOf(paise, 2);
    }

    /** {@code "yyyy-MM-dd HH:mm:ss"} in IST, or null for no time. */
    static String time(Instant instant) {
        return instant == null ? null : PLAIN.format(instant);
    }

    /** A historical candle's time: ISO-8601 with the offset, {@code 2017-12-15T09:15:00+0530}. */
    static String candleTime(Instant instant) {
        return CANDLE.format(instant);
    }
}
