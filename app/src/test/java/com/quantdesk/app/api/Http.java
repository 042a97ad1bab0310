package com.quantdesk.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for the API tests: real requests over loopback, answers parsed as JSON. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer. */
    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String clientAddress;

    /** @param clientAddress the address a trusted proxy says the request came from */
    Http(URI base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
    }

    /** The same server, as seen from another client address. */
    Http from(String address) {
        return new Http(base, address);
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Answer post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    Answer send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (clientAddress != null) {
                all.putIfAbsent("X-Forwarded-For", clientAddress);
            }
            if (token != null) {
                all.putIfAbsent("Authorization", "Bearer " + token);
            }
            HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
            if (body != null) {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                publisher = HttpRequest.BodyPublishers.ofString(text);
                all.putIfAbsent("Content-Type", "application/json");
            }
            all.forEach(request::header);
            HttpResponse<String> response = client.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
