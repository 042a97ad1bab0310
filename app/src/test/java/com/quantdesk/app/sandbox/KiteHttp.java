package com.quantdesk.app.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain java.net.http Kite client for the tests: form bodies, Kite's headers, JSON answers as maps. */
final class KiteHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI root;
    private final String apiKey;
    private String accessToken;
    private Duration timeout = Duration.ofSeconds(10);

    KiteHttp(URI root, String apiKey) {
        this.root = root;
        this.apiKey = apiKey;
    }

    /** An answer: HTTP status, raw body and the parsed JSON (null for CSV). */
    record Answer(int status, String body, Map<String, Object> json, HttpResponse<String> response) {

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) json.get("data");
        }

        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> dataList() {
            return (java.util.List<Map<String, Object>>) json.get("data");
        }
    }

    /** Exchanges a fresh request token and keeps the access token. */
    KiteHttp login(KiteSandbox sandbox, String apiSecret) throws Exception {
        String requestToken = sandbox.issueRequestToken();
        Answer answer = post("/session/token", Map.of("api_key", apiKey, "request_token", requestToken,
                "checksum", Sessions.checksum(apiKey + requestToken + apiSecret)));
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer.body());
        }
        accessToken = (String) answer.data().get("access_token");
        return this;
    }

    String accessToken() {
        return accessToken;
    }

    KiteHttp timeout(Duration requestTimeout) {
        this.timeout = requestTimeout;
        return this;
    }

    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET());
    }

    Answer post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    Answer put(String path, Map<String, String> form) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    Answer delete(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).DELETE());
    }

    /** A request with only the headers given (no Kite headers added). */
    Answer raw(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return send(builder);
    }

    URI uri(String pathAndQuery) {
        return URI.create(root + pathAndQuery);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout)
                .header("X-Kite-Version", "3").header("User-Agent", "quantdesk-test");
        if (accessToken != null) {
            b.header("Authorization", "token " + apiKey + ":" + accessToken);
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    private Answer send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        Map<String, Object> json = type.contains("json") ? JSON.readValue(response.body(), LinkedHashMap.class) : null;
        return new Answer(response.statusCode(), response.body(), json, response);
    }

    /** A JSON object of an answer, typed for assertions. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
