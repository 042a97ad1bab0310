package com.quantdesk.app.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kite's login for the one sandbox user: single-use request tokens, the SHA-256 checksum of
 * {@code api_key + request_token + api_secret}, and the access tokens it grants. Thread-safe.
 */
final class Sessions {

    private static final char[] ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            .toCharArray();

    private final SandboxConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> requestTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();

    Sessions(SandboxConfig config) {
        this.config = config;
    }

    /** A fresh request token, as the login page would hand out. */
    String issueRequestToken() {
        String token = randomToken(32);
        requestTokens.add(token);
        return token;
    }

    /**
     * Exchanges a request token for a session: {@code POST /session/token}.
     *
     * @throws KiteError InputException for a missing field, TokenException for a wrong api_key, an
     *                   unknown or used request token, or a wrong checksum
     */
    Map<String, Object> exchange(String apiKey, String requestToken, String checksum, Instant now) {
        require("api_key", apiKey);
        require("request_token", requestToken);
        require("checksum", checksum);
        if (!apiKey.equals(config.apiKey())) {
            throw KiteError.token("Invalid `api_key`.");
        }
        String expected = checksum(apiKey + requestToken + config.apiSecret());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                checksum.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw KiteError.token("Invalid checksum.");
        }
        if (!requestTokens.remove(requestToken)) {
            throw KiteError.token("Token is invalid or has expired.");
        }
        String accessToken = randomToken(32);
        accessTokens.add(accessToken);
        return session(accessToken, now);
    }

    /** Ends a session: {@code DELETE /session/token}. */
    void logout(String apiKey, String accessToken) {
        if (!config.apiKey().equals(apiKey) || accessToken == null || !accessTokens.remove(accessToken)) {
            throw KiteError.token("Invalid `api_key` or `access_token`.");
        }
    }

    /** Whether {@code api_key:access_token} names a live session. */
    boolean valid(String apiKey, String accessToken) {
        return config.apiKey().equals(apiKey) && accessToken != null && accessTokens.contains(accessToken);
    }

    /** Checks an {@code Authorization: token api_key:access_token} header. */
    void authorize(String header) {
        if (header == null || !header.startsWith("token ")) {
            throw KiteError.token("Incorrect `api_key` or `access_token`.");
        }
        String credentials = header.substring("token ".length());
        int colon = credentials.indexOf(':');
        if (colon < 0 || !valid(credentials.substring(0, colon), credentials.substring(colon + 1))) {
            throw KiteError.token("Incorrect `api_key` or `access_token`.");
        }
    }

    /** The user profile of {@code GET /user/profile}. */
    Map<String, Object> profile() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("user_id", config.userId());
        p.put("user_type", "individual");
        p.put("email", config.userId().toLowerCase() + "@sandbox.invalid");
        p.put("user_name", "Sandbox User");
        p.put("user_shortname", "Sandbox");
        p.put("broker", "ZERODHA");
        p.put("exchanges", List.of("NSE"));
        p.put("products", List.of("CNC", "MIS"));
        p.put("order_types", List.of("MARKET", "LIMIT", "SL", "SL-M"));
        p.put("avatar_url", null);
        p.put("meta", Map.of("demat_consent", "physical"));
        return p;
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    static String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private Map<String, Object> session(String accessToken, Instant now) {
        Map<String, Object> s = profile();
        s.put("api_key", config.apiKey());
        s.put("access_token", accessToken);
        s.put("public_token", randomToken(32));
        s.put("enctoken", randomToken(40));
        s.put("refresh_token", "");
        s.put("silo", "");
        s.put("login_time", KiteJson.time(now));
        return s;
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw KiteError.input("`" + field + "` is missing.");
        }
    }

    private String randomToken(int length) {
        char[] token = new char[length];
        for (int i = 0; i < length; i++) {
            token[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(token);
    }
}
