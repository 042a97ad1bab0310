package com.quantdesk.kite.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Connection settings of one Kite Connect app. Values only: reading them from files or the
 * environment is the composition root's job.
 *
 * @param apiRoot        REST root, {@code https://api.kite.trade} for Zerodha, a local URL for the sandbox
 * @param loginUrl       the page a user logs in on, {@code https://kite.zerodha.com/connect/login}
 * @param apiKey         the app's api key
 * @param apiSecret      the app's api secret (never logged)
 * @param algoId         exchange-issued algo id sent as {@code algo_id} on every order, if any
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout time allowed for a whole request and its answer
 */
public record KiteConfig(URI apiRoot, URI loginUrl, String apiKey, String apiSecret,
                         Optional<String> algoId, Duration connectTimeout, Duration requestTimeout) {

    /** Zerodha's REST root. */
    public static final URI DEFAULT_API_ROOT = URI.create("https://api.kite.trade");
    /** Zerodha's login page. */
    public static final URI DEFAULT_LOGIN_URL = URI.create("https://kite.zerodha.com/connect/login");
    /** Default connect timeout: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default request timeout: 10 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Validates the settings. */
    public KiteConfig {
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(algoId, "algoId");
        requireText(apiKey, "apiKey");
        requireText(apiSecret, "apiSecret");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        algoId.ifPresent(id -> requireText(id, "algoId"));
        String root = apiRoot.toString();
        if (root.endsWith("/")) {
            apiRoot = URI.create(root.substring(0, root.length() - 1));
        }
    }

    /** Zerodha's URLs and the default timeouts, without an algo id. */
    public static KiteConfig of(String apiKey, String apiSecret) {
        return new KiteConfig(DEFAULT_API_ROOT, DEFAULT_LOGIN_URL, apiKey, apiSecret, Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** A copy with another REST root (a sandbox, a test server). */
    public KiteConfig withApiRoot(URI root) {
        return new KiteConfig(root, loginUrl, apiKey, apiSecret, algoId, connectTimeout, requestTimeout);
    }

    /** A copy that sends {@code id} as {@code algo_id} on every order. */
    public KiteConfig withAlgoId(String id) {
        return new KiteConfig(apiRoot, loginUrl, apiKey, apiSecret, Optional.of(id), connectTimeout, requestTimeout);
    }

    /** A copy with other timeouts. */
    public KiteConfig withTimeouts(Duration connect, Duration request) {
        return new KiteConfig(apiRoot, loginUrl, apiKey, apiSecret, algoId, connect, request);
    }

    @Override
    public String toString() {
        return "KiteConfig[apiRoot=" + apiRoot + ", loginUrl=" + loginUrl + ", apiKey=" + apiKey
                + ", apiSecret=***, algoId=" + algoId.orElse("-") + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
