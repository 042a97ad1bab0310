package com.quantdesk.kite.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Kite's postbacks: the JSON order object Kite POSTs to the app's postback URL when an order
 * completes, is cancelled or rejected, or changes (partial fill, modification). Its {@code checksum}
 * is the hex SHA-256 of {@code order_id + order_timestamp + api_secret}; a body whose checksum does
 * not match was not sent by Kite for this app and is refused.
 */
public final class Postbacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Postbacks() {
    }

    /**
     * A postback that passed the checksum.
     *
     * @param orderId Kite's order id
     * @param tag     the order's tag ("" if none)
     * @param status  the order's status
     */
    public record Verified(String orderId, String tag, String status) {
    }

    /**
     * Verifies and reads a postback body.
     *
     * @throws IllegalArgumentException naming what is wrong: not JSON, a missing field, or a checksum
     *                                  mismatch (the message never shows the expected value)
     */
    public static Verified verify(String body, String apiSecret) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("postback body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("postback body is not a JSON object");
        }
        String orderId = required(root, "order_id");
        String timestamp = required(root, "order_timestamp");
        String checksum = required(root, "checksum");
        byte[] expected = checksum(orderId, timestamp, apiSecret).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, checksum.toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("postback checksum does not match order_id + order_timestamp + "
                    + "api_secret");
        }
        return new Verified(orderId, root.path("tag").asText(""), root.path("status").asText(""));
    }

    /** Lowercase hex SHA-256 of {@code orderId + orderTimestamp + apiSecret}. */
    public static String checksum(String orderId, String orderTimestamp, String apiSecret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((orderId + orderTimestamp + apiSecret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String required(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("postback without " + field);
        }
        return value.asText();
    }
}
