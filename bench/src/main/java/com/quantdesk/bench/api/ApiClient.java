package com.quantdesk.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.server.auth.Totp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/** HTTP calls of the load harnesses, and the set-up they share: the administrator and the users. */
public final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The password of every user the harnesses create. */
    public static final String PASSWORD = "Bench-User-Passphrase-2026";

    /** A status, the answer's body and how long it took. */
    public record Answer(int status, String body, long nanos) {
        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client;
    private final URI base;

    /** A client of the API at {@code base}. */
    public ApiClient(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI base() {
        return base;
    }

    /** One request; an answer of status -1 when none came (its body says why). */
    public Answer call(String method, String path, String token, Object body, Map<String, String> headers) {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
            if (body != null) {
                request.header("Content-Type", "application/json");
                publisher = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            }
            HttpResponse<String> response = client.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", System.nanoTime() - start);
        }
    }

    /** Signs the administrator in, enrolling the second factor an ADMIN needs on the way. */
    public String admin() {
        Answer login = call("POST", "/api/v1/auth/login", null, Map.of("username", "admin", "password",
                ApiProcess.ADMIN_PASSWORD), Map.of());
        require(login, 200);
        String enrolOnly = login.json().path("accessToken").asText();
        Answer enrol = call("POST", "/api/v1/auth/totp/enrol", enrolOnly, null, Map.of());
        require(enrol, 200);
        String secret = enrol.json().path("secret").asText();
        Totp totp = new Totp(InstantSource.system());
        Instant now = Instant.now();
        require(call("POST", "/api/v1/auth/totp/confirm", enrolOnly, Map.of("code", totp.codeAt(secret, now)),
                Map.of()), 204);
        Answer full = call("POST", "/api/v1/auth/login", null, Map.of("username", "admin", "password",
                ApiProcess.ADMIN_PASSWORD, "totp", totp.codeAt(secret, now.plusSeconds(30))), Map.of());
        require(full, 200);
        return full.json().path("accessToken").asText();
    }

    /** Creates a TRADER on one account. */
    public void createTrader(String admin, String name, String account) {
        require(call("POST", "/api/v1/users", admin, Map.of("username", name, "password", PASSWORD, "roles",
                List.of("TRADER"), "accounts", List.of(account)), Map.of()), 201);
    }

    /** Signs a user in; returns the access token. */
    public String login(String name) {
        Answer login = call("POST", "/api/v1/auth/login", null, Map.of("username", name, "password", PASSWORD),
                Map.of());
        require(login, 200);
        return login.json().path("accessToken").asText();
    }

    /** Fails unless the answer has {@code status}. */
    public static void require(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }
}
