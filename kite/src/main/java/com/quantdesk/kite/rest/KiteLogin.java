package com.quantdesk.kite.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kite's login flow (kite-connect.md A.2): send the user to {@link #loginUrl()}, receive the
 * {@code request_token} on the app's redirect URL, exchange it with {@link #createSession(String)}.
 * The request token is single-use and lives a few minutes, so the exchange is never retried.
 */
public final class KiteLogin {

    private final KiteTransport transport;

    /** Login over {@code transport}. */
    public KiteLogin(KiteTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** The page to send the user to: {@code <loginUrl>?v=3&api_key=<api_key>}. */
    public URI loginUrl() {
        KiteConfig config = transport.config();
        return URI.create(config.loginUrl() + "?v=3&api_key=" + encode(config.apiKey()));
    }

    /** The login page with {@code redirect_params} that Kite echoes back to the redirect URL. */
    public URI loginUrl(String redirectParams) {
        return URI.create(loginUrl() + "&redirect_params=" + encode(redirectParams));
    }

    /** Lowercase hex SHA-256 of {@code apiKey + token + apiSecret}, the checksum of the token calls. */
    public static String checksum(String apiKey, String token, String apiSecret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((apiKey + token + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Exchanges a request token for a session ({@code POST /session/token}).
     *
     * @throws KiteException.TokenException if the token is stale or used
     */
    public KiteSession createSession(String requestToken) {
        if (requestToken == null || requestToken.isBlank()) {
            throw new IllegalArgumentException("request token must not be blank");
        }
        KiteConfig config = transport.config();
        KiteRequest request = new KiteRequest("POST", "/session/token", List.of(
                Map.entry("api_key", config.apiKey()),
                Map.entry("request_token", requestToken),
                Map.entry("checksum", checksum(config.apiKey(), requestToken, config.apiSecret()))),
                EndpointClass.OTHER);
        JsonNode data = transport.call(request, null);
        Instant loginTime = KiteJson.instantOrNull(data, "login_time");
        if (loginTime == null) {
            throw KiteJson.missing("login_time");
        }
        return new KiteSession(KiteJson.text(data, "access_token"), KiteJson.text(data, "user_id"), loginTime);
    }

    /** Invalidates the session's access token ({@code DELETE /session/token}). */
    public void invalidate(KiteSession session) {
        KiteConfig config = transport.config();
        transport.call(new KiteRequest("DELETE", "/session/token", List.of(
                Map.entry("api_key", config.apiKey()),
                Map.entry("access_token", session.accessToken())), EndpointClass.OTHER), session);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
