package com.quantdesk.server.auth;

import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Cors;
import com.quantdesk.server.limits.TokenRevocations;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: a bearer access token, an API key, or the access-token cookie of a browser
 * session (whose changes must also carry the CSRF token). The token must verify, not be revoked,
 * and belong to a user who is still enabled and has not changed password since it was issued.
 * Users are looked up through a short cache, so disabling a user takes effect within seconds on
 * every server.
 */
public final class Authenticator {

    /** Cookie holding the access token of a browser session. */
    public static final String ACCESS_COOKIE = "qd_access";
    /** Cookie holding the refresh token of a browser session (sent to /api/v1/auth only). */
    public static final String REFRESH_COOKIE = "qd_refresh";
    /** Cookie (readable by the page) holding the CSRF token the page must echo in {@link #CSRF_HEADER}. */
    public static final String CSRF_COOKIE = "qd_csrf";
    /** Header carrying the CSRF token on a cookie-authenticated change. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Duration CACHE = Duration.ofSeconds(5);
    private static final int MAX_VERIFIED = 10_000;

    private record Cached(Optional<UserStore.User> user, Instant until) {
    }

    private final AccessTokens tokens;
    private final TokenRevocations revocations;
    private final ApiKeys keys;
    private final UserStore users;
    private final InstantSource clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /**
     * Tokens whose signature and claims were verified, by their text: what a token says cannot
     * change, so a second request with it only checks the time (and revocation, and its user, as
     * always). Bounded; emptied when full.
     */
    private final Map<String, AccessTokens.Verified> verifiedTokens = new ConcurrentHashMap<>();

    /** Wires the credential checks. */
    public Authenticator(AccessTokens tokens, TokenRevocations revocations, ApiKeys keys, UserStore users,
                         InstantSource clock) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.keys = keys;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The caller of a request.
     *
     * @throws ApiError 401 when there are no acceptable credentials, 403 for a cookie-authenticated
     *                  change without its CSRF token
     */
    public Principal authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            String value = authorization.trim();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return bearer(value.substring(7).trim(), Principal.Method.BEARER);
            }
            if (value.regionMatches(true, 0, "ApiKey ", 0, 7)) {
                return apiKey(value.substring(7).trim());
            }
            throw ApiError.unauthenticated("unsupported Authorization scheme: use Bearer <access token> or "
                    + "ApiKey <key>");
        }
        String key = ctx.header("X-API-Key");
        if (key != null) {
            return apiKey(key);
        }
        String cookie = ctx.cookie(ACCESS_COOKIE);
        if (cookie != null) {
            if (Cors.changes(ctx.method())) {
                requireCsrf(ctx);
            }
            return bearer(cookie, Principal.Method.COOKIE);
        }
        throw ApiError.unauthenticated("sign in first: send Authorization: Bearer <access token>");
    }

    /** Refuses a cookie-authenticated change whose CSRF header does not match its cookie. */
    public static void requireCsrf(Context ctx) {
        String cookie = ctx.cookie(CSRF_COOKIE);
        String header = ctx.header(CSRF_HEADER);
        if (cookie == null || header == null || cookie.isEmpty() || !Secrets.same(cookie, header)) {
            throw ApiError.forbidden("a change made with the session cookie needs the " + CSRF_HEADER
                    + " header holding the " + CSRF_COOKIE + " cookie's value");
        }
    }

    /** A principal from an access token (for the WebSocket stream, which has no headers). */
    public Principal fromToken(String token) {
        return bearer(token, Principal.Method.BEARER);
    }

    private Principal bearer(String token, Principal.Method method) {
        AccessTokens.Verified verified = verifiedTokens.get(token);
        if (verified == null || !clock.instant().isBefore(verified.expiresAt())) {
            try {
                verified = tokens.verify(token);
            } catch (InvalidTokenException e) {
                verifiedTokens.remove(token);
                throw ApiError.unauthenticated(e.getMessage());
            }
            if (verifiedTokens.size() >= MAX_VERIFIED) {
                verifiedTokens.clear();
            }
            verifiedTokens.put(token, verified);
        }
        if (revocations.isRevoked(verified.jti())) {
            throw ApiError.unauthenticated("token revoked; sign in again");
        }
        UserStore.User user = active(verified.subject());
        Instant issued = verified.expiresAt().minus(tokens.ttl());
        // JWT times are whole seconds: a token of the very second the password changed is let through.
        if (issued.getEpochSecond() < user.passwordChangedAt().getEpochSecond()) {
            throw ApiError.unauthenticated("the password changed after this token was issued; sign in again");
        }
        Object session = verified.claims().get("sid");
        // An enrolment token stays one (after confirming, the user signs in again with a code); and any
        // credential of an ADMIN without a second factor - a role given, or TOTP reset, after the
        // credential was issued - reaches only the enrolment routes.
        boolean enrol = Boolean.TRUE.equals(verified.claims().get("enrol")) || mustEnrol(user);
        return new Principal(user.username(), user.roles(), user.accounts(), method, KeyScope.TRADE, verified.jti(),
                verified.expiresAt(), session instanceof String s ? s : "", enrol);
    }

    private Principal apiKey(String key) {
        ApiKeys.Found found = keys.authenticate(key)
                .orElseThrow(() -> ApiError.unauthenticated("API key not accepted (unknown or revoked)"));
        UserStore.User user = active(found.username());
        return new Principal(user.username(), user.roles(), user.accounts(), Principal.Method.API_KEY, found.scope(),
                found.id(), Instant.MAX, "", mustEnrol(user));
    }

    /**
     * The caller of a long-lived connection (the stream) as they stand now: empty when their credential
     * expired or was revoked, their user was disabled or changed their password, or must enrol a second
     * factor; otherwise with their current roles and accounts.
     */
    public Optional<Principal> recheck(Principal principal) {
        try {
            UserStore.User user = active(principal.username());
            if (mustEnrol(user)) {
                return Optional.empty();
            }
            if (principal.method() == Principal.Method.API_KEY) {
                return keys.live(principal.tokenId()) ? Optional.of(new Principal(user.username(), user.roles(),
                        user.accounts(), principal.method(), principal.keyScope(), principal.tokenId(),
                        principal.expiresAt(), principal.session(), false)) : Optional.empty();
            }
            if (!clock.instant().isBefore(principal.expiresAt()) || revocations.isRevoked(principal.tokenId())
                    || principal.expiresAt().minus(tokens.ttl()).getEpochSecond()
                    < user.passwordChangedAt().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Principal(user.username(), user.roles(), user.accounts(), principal.method(),
                    principal.keyScope(), principal.tokenId(), principal.expiresAt(), principal.session(), false));
        } catch (ApiError e) {
            if (e.status() == 401 || e.status() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean mustEnrol(UserStore.User user) {
        return user.roles().contains(Role.ADMIN) && !user.totpEnabled();
    }

    private UserStore.User active(String username) {
        Instant now = clock.instant();
        Cached cached = cache.get(username);
        if (cached == null || !now.isBefore(cached.until())) {
            cached = new Cached(users.find(username), now.plus(CACHE));
            cache.put(username, cached);
        }
        UserStore.User user = cached.user().orElseThrow(() -> ApiError.unauthenticated("no such user"));
        if (user.disabled()) {
            throw ApiError.unauthenticated("this user is disabled");
        }
        return user;
    }

    /** Forgets what is cached of a user (after a change on this server). */
    public void forget(String username) {
        cache.remove(username);
    }
}
