package com.quantdesk.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The one JSON mapper of the server. Reading is strict (no comments, no trailing tokens, duplicate
 * keys refused) because a request that could be read two ways is refused rather than guessed at.
 * Money leaves as exact decimals ({@link java.math.BigDecimal}), never as binary floating point.
 */
public final class Json implements io.javalin.json.JsonMapper {

    /** The shared mapper. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** Reads a JSON document; a syntax error is a 400 naming where it is. */
    public static JsonNode read(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.invalid("the request body is empty; a JSON object was expected", java.util.List.of());
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw ApiError.invalid("the request body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                    java.util.List.of());
        } catch (IOException e) {
            throw ApiError.invalid("the request body could not be read", java.util.List.of());
        }
    }

    /** Writes a value as a JSON string. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return write(obj);
    }
}
