package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.Symbol;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the Kite sandbox runs.
 *
 * @param bind                     address both servers listen on
 * @param restPort                 port of the REST API (0: any free port)
 * @param tickerPort               port of the WebSocket ticker (0: any free port)
 * @param apiKey                   the api_key clients must present
 * @param apiSecret                the api_secret the login checksum is computed with
 * @param userId                   the Kite user id of the one sandbox user
 * @param redirectUrl              where {@code /connect/login} sends the browser with its request_token
 * @param seed                     seed of the synthetic market and of every random fault
 * @param speed                    sandbox seconds per real second (at least 1)
 * @param tickInterval             sandbox time between steps of the synthetic market
 * @param openingCashPaise         the equity segment's opening balance
 * @param holdingsQuantity         demat holdings at start, by symbol
 * @param requireMarketProtection  reject MARKET and SL-M orders without market_protection (-1 or 1–100),
 *                                 as Kite does since 2026-04-01
 */
public record SandboxConfig(String bind, int restPort, int tickerPort, String apiKey, String apiSecret,
                            String userId, URI redirectUrl, long seed, double speed, Duration tickInterval,
                            long openingCashPaise, Map<Symbol, Long> holdingsQuantity,
                            boolean requireMarketProtection) {

    /** Validates; the message names the field. */
    public SandboxConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(redirectUrl, "redirectUrl");
        Objects.requireNonNull(tickInterval, "tickInterval");
        holdingsQuantity = Map.copyOf(holdingsQuantity);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("apiSecret must not be blank");
        }
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (restPort < 0 || restPort > 65_535 || tickerPort < 0 || tickerPort > 65_535) {
            throw new IllegalArgumentException("ports must be in 0..65535");
        }
        if (!(speed >= 1) || !Double.isFinite(speed)) {
            throw new IllegalArgumentException("speed must be a number of at least 1, was " + speed);
        }
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("tickInterval must be positive, was " + tickInterval);
        }
        if (openingCashPaise < 0) {
            throw new IllegalArgumentException("openingCashPaise must not be negative");
        }
    }

    /**
     * Loopback, any free ports, the given credentials, user {@code QD0001}, redirect to
     * {@code http://127.0.0.1/kite/callback}, seed 42, real time, a market step a second, ₹10,00,000
     * cash, 10 INFY and 5 TCS in demat, market protection required.
     */
    public static SandboxConfig defaults(String apiKey, String apiSecret) {
        return new SandboxConfig("127.0.0.1", 0, 0, apiKey, apiSecret, "QD0001",
                URI.create("http://127.0.0.1/kite/callback"), 42, 1, Duration.ofSeconds(1), 100_000_000L,
                Map.of(Symbol.of("INFY"), 10L, Symbol.of("TCS"), 5L), true);
    }

    /** A copy on other ports. */
    public SandboxConfig withPorts(int newRestPort, int newTickerPort) {
        return new SandboxConfig(bind, newRestPort, newTickerPort, apiKey, apiSecret, userId, redirectUrl, seed, speed,
                tickInterval, openingCashPaise, holdingsQuantity, requireMarketProtection);
    }

    /** A copy with another seed. */
    public SandboxConfig withSeed(long newSeed) {
        return new SandboxConfig(bind, restPort, tickerPort, apiKey, apiSecret, userId, redirectUrl, newSeed, speed,
                tickInterval, openingCashPaise, holdingsQuantity, requireMarketProtection);
    }

    /** A copy at another speed. */
    public SandboxConfig withSpeed(double newSpeed) {
        return new SandboxConfig(bind, restPort, tickerPort, apiKey, apiSecret, userId, redirectUrl, seed, newSpeed,
                tickInterval, openingCashPaise, holdingsQuantity, requireMarketProtection);
    }

    /** A copy with another market step. */
    public SandboxConfig withTickInterval(Duration newInterval) {
        return new SandboxConfig(bind, restPort, tickerPort, apiKey, apiSecret, userId, redirectUrl, seed, speed,
                newInterval, openingCashPaise, holdingsQuantity, requireMarketProtection);
    }

    /** A copy with another login redirect. */
    public SandboxConfig withRedirectUrl(URI newRedirectUrl) {
        return new SandboxConfig(bind, restPort, tickerPort, apiKey, apiSecret, userId, newRedirectUrl, seed, speed,
                tickInterval, openingCashPaise, holdingsQuantity, requireMarketProtection);
    }
}
