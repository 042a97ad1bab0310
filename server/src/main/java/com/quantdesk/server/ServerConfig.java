package com.quantdesk.server;

import com.quantdesk.server.http.AddressRange;
import com.quantdesk.server.limits.Limit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server runs. Immutable, with production defaults: loopback only, 64 KB bodies,
 * 15-minute access tokens, the issue's rate limits. Binding to anything but loopback needs TLS or
 * a trusted proxy in front, so the API is never exposed in clear text by accident.
 *
 * @param bind                     address to listen on
 * @param port                     port (0: any free port)
 * @param dataDirectory            where the signing and sealing keys live
 * @param tls                      in-process TLS, if configured
 * @param trustedProxies           proxies whose X-Forwarded-* headers are believed
 * @param corsOrigins              origins allowed to call the API from a browser
 * @param maxBodyBytes             largest request body accepted
 * @param limits                   rate limits
 * @param redisUrl                 Redis for shared rate limits and revocations, if configured
 * @param accessTokenTtl           life of an access token
 * @param refreshTokenTtl          life of a refresh token (and so of a login without activity)
 * @param streamConnectionsPerUser most WebSocket connections one user may hold
 * @param heartbeat                WebSocket heartbeat period
 * @param streamBacklog            messages a stream client may fall behind before it is disconnected
 * @param lockout                  failed logins in a row that lock a user, and for how long
 * @param redisKeyPrefix           the prefix of every Redis key this server writes (default {@code qd:})
 */
public record ServerConfig(String bind, int port, Path dataDirectory, Optional<Tls> tls,
                           List<AddressRange> trustedProxies, List<String> corsOrigins, int maxBodyBytes,
                           RateLimits limits, Optional<String> redisUrl, Duration accessTokenTtl,
                           Duration refreshTokenTtl, int streamConnectionsPerUser, Duration heartbeat,
                           int streamBacklog, Lockout lockout, String redisKeyPrefix) {

    /** JWT issuer and audience of this API. */
    public static final String ISSUER = "quantdesk";
    /** The audience access tokens are issued for. */
    public static final String AUDIENCE = "quantdesk-api";

    /**
     * In-process TLS.
     *
     * @param keyStore PKCS12 key store with the server's key and certificate chain
     * @param password the key store's password
     */
    public record Tls(Path keyStore, String password) {
        /** Validates. */
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", password=***]";
        }
    }

    /**
     * The rate limits; each is configuration ({@code 100/min}).
     *
     * @param perIp       every request from one address
     * @param perUser     every request of one user
     * @param perAdmin    every request of a user holding ADMIN (instead of perUser)
     * @param login       login attempts from one address
     * @param failedLogin failed logins from one address before its logins are refused
     * @param orders      order placements on one account
     */
    public record RateLimits(Limit perIp, Limit perUser, Limit perAdmin, Limit login, Limit failedLogin,
                             Limit orders) {
        /** The production limits. */
        public static RateLimits defaults() {
            return new RateLimits(Limit.parse("perIp", "100/min"), Limit.parse("perUser", "1000/hour"),
                    Limit.parse("perAdmin", "5000/hour"), Limit.parse("login", "5/min"),
                    Limit.parse("failedLogin", "20/hour"), Limit.parse("orders", "10/s"));
        }

        /**
         * With one limit changed, e.g. {@code with("perIp", "1000/min")}.
         *
         * @throws IllegalArgumentException naming the limit when the name is unknown or the text is not
         *                                  like {@code 100/min}
         */
        public RateLimits with(String name, String text) {
            Limit limit = Limit.parse(name, text);
            return switch (name) {
                case "perIp" -> new RateLimits(limit, perUser, perAdmin, login, failedLogin, orders);
                case "perUser" -> new RateLimits(perIp, limit, perAdmin, login, failedLogin, orders);
                case "perAdmin" -> new RateLimits(perIp, perUser, limit, login, failedLogin, orders);
                case "login" -> new RateLimits(perIp, perUser, perAdmin, limit, failedLogin, orders);
                case "failedLogin" -> new RateLimits(perIp, perUser, perAdmin, login, limit, orders);
                case "orders" -> new RateLimits(perIp, perUser, perAdmin, login, failedLogin, limit);
                default -> throw new IllegalArgumentException("no rate limit '" + name + "'; the limits are perIp, "
                        + "perUser, perAdmin, login, failedLogin and orders");
            };
        }
    }

    /**
     * Lockout after failed logins.
     *
     * @param failures failed logins in a row that lock the user
     * @param duration how long the lock lasts
     */
    public record Lockout(int failures, Duration duration) {
        /** Validates. */
        public Lockout {
            if (failures < 1) {
                throw new IllegalArgumentException("server.lockout.failures must be at least 1");
            }
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** Validates the combination. */
    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("server.port: must be 0 to 65535, was " + port);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        trustedProxies = List.copyOf(trustedProxies);
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (origin.equals("*") || !origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("server.corsOrigins: '" + origin + "' is not an origin like "
                        + "https://desk.example.com (a wildcard is never allowed: the API takes credentials)");
            }
        }
        if (maxBodyBytes < 1_024 || maxBodyBytes > 16 * 1_024 * 1_024) {
            throw new IllegalArgumentException("server.maxBodyBytes must be 1 KB to 16 MB, was " + maxBodyBytes);
        }
        Objects.requireNonNull(limits, "limits");
        redisUrl = redisUrl.filter(u -> !u.isBlank());
        if (accessTokenTtl.compareTo(Duration.ofMinutes(1)) < 0 || accessTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("server.accessTokenTtl must be 1 minute to 1 hour, was " + accessTokenTtl);
        }
        if (refreshTokenTtl.compareTo(accessTokenTtl) <= 0) {
            throw new IllegalArgumentException("server.refreshTokenTtl must be longer than the access token's");
        }
        if (streamConnectionsPerUser < 1) {
            throw new IllegalArgumentException("server.streamConnectionsPerUser must be at least 1");
        }
        if (streamBacklog < 16) {
            throw new IllegalArgumentException("server.streamBacklog must be at least 16");
        }
        Objects.requireNonNull(lockout, "lockout");
        if (redisKeyPrefix == null || !redisKeyPrefix.matches("[A-Za-z0-9:_.-]{1,64}")) {
            throw new IllegalArgumentException("server.redisKeyPrefix: '" + redisKeyPrefix + "' must be 1 to 64 "
                    + "letters, digits or : _ . -");
        }
        if (tls.isEmpty() && trustedProxies.isEmpty() && !loopback(bind)) {
            throw new IllegalArgumentException("server.bind: listening on " + bind + " would expose the API in clear "
                    + "text beyond this machine; configure server.tls (a PKCS12 key store) or server.trustedProxies "
                    + "(the TLS proxy in front), or bind to 127.0.0.1");
        }
    }

    /** The defaults: 127.0.0.1:8080, keys in {@code dataDirectory}. */
    public static ServerConfig defaults(Path dataDirectory) {
        return new ServerConfig("127.0.0.1", 8080, dataDirectory, Optional.empty(), List.of(), List.of(), 64 * 1_024,
                RateLimits.defaults(), Optional.empty(), Duration.ofMinutes(15), Duration.ofHours(12), 5,
                Duration.ofSeconds(20), 1_000, new Lockout(5, Duration.ofMinutes(5)), "qd:");
    }

    /**
     * With Redis keys under another prefix (several deployments sharing one Redis; tests).
     *
     * @throws IllegalArgumentException when the prefix is empty or has spaces
     */
    public ServerConfig withRedisKeyPrefix(String prefix) {
        return new ServerConfig(bind, port, dataDirectory, tls, trustedProxies, corsOrigins, maxBodyBytes, limits,
                redisUrl, accessTokenTtl, refreshTokenTtl, streamConnectionsPerUser, heartbeat, streamBacklog, lockout,
                prefix);
    }

    /** With another address and port. */
    public ServerConfig withAddress(String newBind, int newPort) {
        return new ServerConfig(newBind, newPort, dataDirectory, tls, trustedProxies, corsOrigins, maxBodyBytes, limits,
                redisUrl, accessTokenTtl, refreshTokenTtl, streamConnectionsPerUser, heartbeat, streamBacklog, lockout, redisKeyPrefix);
    }

    /** With TLS. */
    public ServerConfig withTls(Tls newTls) {
        return new ServerConfig(bind, port, dataDirectory, Optional.of(newTls), trustedProxies, corsOrigins,
                maxBodyBytes, limits, redisUrl, accessTokenTtl, refreshTokenTtl, streamConnectionsPerUser, heartbeat,
                streamBacklog, lockout, redisKeyPrefix);
    }

    /** With trusted proxies. */
    public ServerConfig withTrustedProxies(List<AddressRange> proxies) {
        return new ServerConfig(bind, port, dataDirectory, tls, proxies, corsOrigins, maxBodyBytes, limits, redisUrl,
                accessTokenTtl, refreshTokenTtl, streamConnectionsPerUser, heartbeat, streamBacklog, lockout, redisKeyPrefix);
    }

    /** With allowed CORS origins. */
    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(bind, port, dataDirectory, tls, trustedProxies, origins, maxBodyBytes, limits, redisUrl,
                accessTokenTtl, refreshTokenTtl, streamConnectionsPerUser, heartbeat, streamBacklog, lockout, redisKeyPrefix);
    }

    /** With other rate limits. */
    public ServerConfig withLimits(RateLimits newLimits) {
        return new ServerConfig(bind, port, dataDirectory, tls, trustedProxies, corsOrigins, maxBodyBytes, newLimits,
                redisUrl, accessTokenTtl, refreshTokenTtl, streamConnectionsPerUser, heartbeat, streamBacklog, lockout, redisKeyPrefix);
    }

    /** With Redis. */
    public ServerConfig withRedis(String url) {
        return new ServerConfig(bind, port, dataDirectory, tls, trustedProxies, corsOrigins, maxBodyBytes, limits,
                Optional.ofNullable(url), accessTokenTtl, refreshTokenTtl, streamConnectionsPerUser, heartbeat,
                streamBacklog, lockout, redisKeyPrefix);
    }

    /** With other stream settings. */
    public ServerConfig withStream(int connectionsPerUser, Duration newHeartbeat, int backlog) {
        return new ServerConfig(bind, port, dataDirectory, tls, trustedProxies, corsOrigins, maxBodyBytes, limits,
                redisUrl, accessTokenTtl, refreshTokenTtl, connectionsPerUser, newHeartbeat, backlog, lockout, redisKeyPrefix);
    }

    /** With another body size limit. */
    public ServerConfig withMaxBodyBytes(int bytes) {
        return new ServerConfig(bind, port, dataDirectory, tls, trustedProxies, corsOrigins, bytes, limits, redisUrl,
                accessTokenTtl, refreshTokenTtl, streamConnectionsPerUser, heartbeat, streamBacklog, lockout, redisKeyPrefix);
    }

    /** With other token lifetimes. */
    public ServerConfig withTokenTtls(Duration access, Duration refresh) {
        return new ServerConfig(bind, port, dataDirectory, tls, trustedProxies, corsOrigins, maxBodyBytes, limits,
                redisUrl, access, refresh, streamConnectionsPerUser, heartbeat, streamBacklog, lockout, redisKeyPrefix);
    }

    /** Whether {@code address} is this machine only: localhost, 127.0.0.0/8 or ::1. */
    public static boolean loopback(String address) {
        return address.equals("localhost") || AddressRange.parse("127.0.0.0/8").contains(address)
                || AddressRange.parse("::1").contains(address);
    }
}
