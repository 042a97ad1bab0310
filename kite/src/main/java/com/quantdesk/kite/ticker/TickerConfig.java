package com.quantdesk.kite.ticker;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link KiteTicker}.
 *
 * @param root           ticker URL without query, {@code wss://ws.kite.trade} for Zerodha's
 * @param apiKey         the Kite app's api key
 * @param accessToken    the day's access token
 * @param initialBackoff delay before the first reconnect attempt (before jitter)
 * @param maxBackoff     cap of the reconnect delay
 * @param staleAfter     no frame at all (heartbeats included) for this long makes the connection stale
 * @param connectTimeout how long opening the WebSocket may take
 */
public record TickerConfig(URI root, String apiKey, String accessToken, Duration initialBackoff,
                           Duration maxBackoff, Duration staleAfter, Duration connectTimeout) {

    /** Zerodha's ticker. */
    public static final URI ZERODHA = URI.create("wss://ws.kite.trade");

    /** Validates the fields. */
    public TickerConfig {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (!initialBackoff.isPositive() || maxBackoff.compareTo(initialBackoff) < 0) {
            // A reconnect without a pause would hammer Kite, which answers it by blocking the key.
            throw new IllegalArgumentException("ticker backoff needs 0 < initial <= max, was " + initialBackoff
                    + " and " + maxBackoff);
        }
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (root.getRawQuery() != null) {
            throw new IllegalArgumentException("ticker root must have no query: " + root);
        }
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, was " + staleAfter);
        }
    }

    /**
     * Defaults after the official SDKs (docs/kite-connect.md §B.3): back-off from 2 s capped at 30 s;
     * stale after 5 s without a frame, as the Go client; 10 s to connect.
     */
    public static TickerConfig of(URI root, String apiKey, String accessToken) {
        return new TickerConfig(root, apiKey, accessToken, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** The connection URL: {@code root?api_key=…&access_token=…}. */
    public URI url() {
        return URI.create(root + "?api_key=" + encode(apiKey) + "&access_token=" + encode(accessToken));
    }

    /** This configuration with other back-off bounds. */
    public TickerConfig withBackoff(Duration initial, Duration max) {
        return new TickerConfig(root, apiKey, accessToken, initial, max, staleAfter, connectTimeout);
    }

    /** This configuration with another staleness threshold. */
    public TickerConfig withStaleAfter(Duration threshold) {
        return new TickerConfig(root, apiKey, accessToken, initialBackoff, maxBackoff, threshold, connectTimeout);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // The access token is a credential: never in a log line.
        return "TickerConfig[root=" + root + ", apiKey=" + apiKey + ", accessToken=***, initialBackoff="
                + initialBackoff + ", maxBackoff=" + maxBackoff + ", staleAfter=" + staleAfter
                + ", connectTimeout=" + connectTimeout + "]";
    }
}
