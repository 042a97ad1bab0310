package com.quantdesk.kite.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Kite's answers: the success envelope {@code {"status":"success","data":...}}, the error
 * envelope {@code {"status":"error","message":...,"error_type":...}} (kite-connect.md A.3), and
 * answers that are neither (empty, HTML from a proxy), each into a typed {@link KiteException}.
 */
final class KiteResponses {

    private static final int EXCERPT = 200;

    private KiteResponses() {
    }

    /** The {@code data} of a JSON answer, or the typed error it carries. */
    static JsonNode data(ObjectMapper json, int status, String body) {
        JsonNode root = parseJson(json, body);
        if (root == null) {
            throw unreadable(status, body);
        }
        String outcome = root.path("status").asText("");
        if (root.has("error_type") || outcome.equals("error")) {
            throw error(root, status);
        }
        if (status / 100 != 2) {
            throw byStatus(status, "HTTP " + status + " without an error envelope: " + excerpt(body));
        }
        if (!outcome.equals("success") || !root.has("data")) {
            throw KiteException.data(status, "answer is not a Kite envelope: " + excerpt(body));
        }
        return root.get("data");
    }

    /** A text answer (the instruments CSV); an error envelope in its place becomes its error. */
    static String text(ObjectMapper json, int status, String contentType, String body) {
        if (contentType.contains("json") || status / 100 != 2) {
            data(json, status, body);
            throw KiteException.data(status, "expected CSV, got JSON");
        }
        if (body.isBlank()) {
            throw KiteException.data(status, "empty answer");
        }
        return body;
    }

    private static KiteException error(JsonNode root, int status) {
        String message = root.path("message").asText("(no message)");
        return KiteException.of(root.path("error_type").asText(null), status, message);
    }

    private static JsonNode parseJson(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static KiteException unreadable(int status, String body) {
        String what = body == null || body.isBlank() ? "empty answer" : "answer is not a JSON object: " + excerpt(body);
        if (status / 100 == 2) {
            return KiteException.data(status, what);
        }
        return byStatus(status, "HTTP " + status + ", " + what);
    }

    // Without an error_type the status is all there is: 429 and 5xx are worth another try.
    private static KiteException byStatus(int status, String message) {
        if (status == 429 || status >= 500) {
            return KiteException.network(status, message, null);
        }
        return KiteException.general(status, message);
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}
