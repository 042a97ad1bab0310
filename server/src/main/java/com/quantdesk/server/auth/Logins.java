package com.quantdesk.server.auth;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.audit.AuditTrail;
import com.quantdesk.server.audit.Caller;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.ClientAddress;
import com.quantdesk.server.limits.Decision;
import com.quantdesk.server.limits.Limit;
import com.quantdesk.server.limits.RateLimiter;
import com.quantdesk.server.limits.TokenRevocations;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Signing in and out: password (bcrypt), then the second factor when the user has one, then an
 * access token and a refresh token. Every attempt is audited. Five failures in a row lock the user
 * for five minutes (configurable); a name that does not exist fails and locks exactly like one that
 * does, so the answers never tell which names exist. Failed logins are also counted per address.
 */
public final class Logins {

    /** What a successful login or refresh hands out. */
    public record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType,
                         boolean totpEnrolmentRequired, Instant refreshExpiresAt) {
        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresIn + ", totpEnrolmentRequired=" + totpEnrolmentRequired + "]";
        }
    }

    private final UserStore users;
    private final Passwords passwords;
    private final Totp totp;
    private final SecretBox secrets;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenRevocations revocations;
    private final RateLimiter limiter;
    private final ServerConfig config;
    private final AuditTrail audit;
    private final InstantSource clock;

    /** Wires the parts of a login. */
    public Logins(UserStore users, Passwords passwords, Totp totp, SecretBox secrets, AccessTokens accessTokens,
                  RefreshTokens refreshTokens, TokenRevocations revocations, RateLimiter limiter, ServerConfig config,
                  AuditTrail audit, InstantSource clock) {
        this.users = users;
        this.passwords = passwords;
        this.totp = totp;
        this.secrets = secrets;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.limiter = limiter;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Signs a user in.
     *
     * @throws ApiError 401 for a wrong name, password or code (or a missing code), 429 when the user
     *                  is locked or the address has failed too often, 403 for a disabled user
     */
    public Tokens login(String givenName, String password, Optional<String> code, Caller caller) {
        String name = givenName.trim().toLowerCase(java.util.Locale.ROOT);
        Decision addressFailures = limiter.peek(ClientAddress.limitKey(caller.ip()), config.limits().failedLogin());
        if (!addressFailures.allowed()) {
            audit.recordAfter(caller.entry(AccountId.SYSTEM, "auth.login", name, "refused: too many failed logins "
                    + "from this address", ""));
            throw throttled("too many failed logins from this address; try again later",
                    addressFailures.retryAfterSeconds());
        }
        Optional<UserStore.User> found = validName(name) ? users.find(name) : Optional.empty();
        Instant now = clock.instant();
        long lockedFor = found.map(u -> secondsUntil(u.lockedUntil(), now)).orElseGet(() ->
                limiter.peek("name:" + name, unknownNameLock()).allowed() ? 0L
                        : limiter.peek("name:" + name, unknownNameLock()).retryAfterSeconds());
        if (lockedFor > 0) {
            audit.recordAfter(caller.entry(AccountId.SYSTEM, "auth.login", name, "refused: user locked", ""));
            throw locked(lockedFor);
        }
        if (found.isEmpty()) {
            passwords.burn(password);
            fail(name, caller, "unknown user", false);
        }
        UserStore.User user = found.get();
        if (!passwords.verify(password, user.passwordHash())) {
            fail(name, caller, "wrong password", true);
        }
        if (user.disabled()) {
            audit.recordAfter(caller.entry(AccountId.SYSTEM, "auth.login", name, "refused: user disabled", ""));
            throw ApiError.forbidden("this user is disabled; ask an administrator");
        }
        if (user.totpEnabled()) {
            if (code.isEmpty() || code.get().isBlank()) {
                audit.recordAfter(caller.entry(AccountId.SYSTEM, "auth.login", name, "refused: one-time code needed",
                        ""));
                throw new ApiError(401, "totp-required", "One-time code required", "this user signs in with a "
                        + "one-time code from their authenticator app: send it as totp", List.of(), Map.of());
            }
            OptionalLong step = totp.verify(secrets.open(user.totpSecret().orElseThrow()), code.get(),
                    user.totpLastStep());
            if (step.isEmpty() || !users.useTotpStep(name, step.getAsLong())) {
                fail(name, caller, "wrong one-time code", true);
            }
        }
        users.recordSuccess(name);
        boolean mustEnrol = user.roles().contains(Role.ADMIN) && !user.totpEnabled();
        Tokens tokens = issue(name, refreshTokens.issue(name), mustEnrol);
        audit.record(caller.entry(AccountId.SYSTEM, "auth.login", name, mustEnrol ? "ok: second factor enrolment "
                + "required" : "ok", ""));
        return tokens;
    }

    /**
     * Exchanges a refresh token for new tokens; a token that was already used revokes its family.
     *
     * @throws ApiError 401 when the token is not accepted
     */
    public Tokens refresh(String refreshToken, Caller caller) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
        switch (rotation) {
            case RefreshTokens.Rotation.Refused r -> {
                audit.recordAfter(caller.entry(AccountId.SYSTEM, "auth.refresh", "", "refused: " + r.reason(), ""));
                throw ApiError.unauthenticated(r.reason() + "; sign in again");
            }
            case RefreshTokens.Rotation.Reused r -> {
                audit.recordAfter(Caller.anonymous(r.username(), caller.ip(), caller.correlationId()).entry(
                        AccountId.SYSTEM, "auth.refresh", r.username(), "refused: a used refresh token came back; "
                                + "its login (family " + r.family() + ") is revoked", ""));
                throw ApiError.unauthenticated("this refresh token was already used; for safety its login is ended: "
                        + "sign in again");
            }
            case RefreshTokens.Rotation.Rotated r -> {
                Optional<UserStore.User> user = users.find(r.username());
                if (user.isEmpty() || user.get().disabled()) {
                    refreshTokens.revokeFamily(r.next().family());
                    throw ApiError.unauthenticated("this user can no longer sign in");
                }
                boolean mustEnrol = user.get().roles().contains(Role.ADMIN) && !user.get().totpEnabled();
                Tokens tokens = issue(r.username(), r.next(), mustEnrol);
                audit.record(Caller.anonymous(r.username(), caller.ip(), caller.correlationId())
                        .entry(AccountId.SYSTEM, "auth.refresh", r.username(), "ok", ""));
                return tokens;
            }
        }
    }

    /** Ends the caller's login: the access token is revoked, and so is its refresh-token family. */
    public void logout(Principal principal, Optional<String> refreshToken, Caller caller) {
        if (principal.method() != Principal.Method.API_KEY) {
            revocations.revoke(principal.tokenId(), principal.expiresAt());
        }
        if (!principal.session().isEmpty()) {
            refreshTokens.revokeFamily(principal.session());
        }
        refreshToken.flatMap(refreshTokens::familyOf).ifPresent(refreshTokens::revokeFamily);
        audit.record(caller.entry(AccountId.SYSTEM, "auth.logout", principal.username(), "ok", ""));
    }

    private Tokens issue(String username, RefreshTokens.Issued refresh, boolean mustEnrol) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sid", refresh.family());
        if (mustEnrol) {
            claims.put("enrol", true);
        }
        AccessTokens.Issued access = accessTokens.issue(username, claims);
        return new Tokens(access.token(), refresh.token(), accessTokens.ttl().toSeconds(), "Bearer", mustEnrol,
                refresh.expiresAt());
    }

    /** Counts a failure (per user or name, and per address) and answers 401, or 429 if it locked the user. */
    private void fail(String name, Caller caller, String why, boolean known) {
        limiter.tryAcquire(ClientAddress.limitKey(caller.ip()), config.limits().failedLogin());
        boolean lockedNow;
        long lockSeconds = config.lockout().duration().toSeconds();
        if (known) {
            lockedNow = users.recordFailure(name, config.lockout().failures(), config.lockout().duration());
        } else {
            Decision d = limiter.tryAcquire("name:" + name, unknownNameLock());
            lockedNow = !d.allowed() || d.remaining() == 0;
            lockSeconds = Math.max(1, d.resetSeconds());
        }
        audit.recordAfter(caller.entry(AccountId.SYSTEM, "auth.login", name, "failed: " + why
                + (lockedNow ? "; user locked" : ""), ""));
        if (lockedNow) {
            throw locked(lockSeconds);
        }
        throw new ApiError(401, "invalid-credentials", "Invalid credentials", why.equals("wrong one-time code")
                ? "the one-time code is not valid (or was used already)" : "invalid user name or password",
                List.of(), Map.of());
    }

    private Limit unknownNameLock() {
        return new Limit("lockout", config.lockout().failures(), config.lockout().duration());
    }

    private static boolean validName(String name) {
        try {
            UserStore.canonical(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long secondsUntil(Instant until, Instant now) {
        return until.isAfter(now) ? Math.max(1, Duration.between(now, until).toSeconds()) : 0;
    }

    private static ApiError locked(long seconds) {
        return new ApiError(429, "locked", "User locked", "too many failed logins: this user is locked for "
                + seconds + " more seconds", List.of(), Map.of("retryAfter", seconds));
    }

    private static ApiError throttled(String detail, long seconds) {
        return new ApiError(429, "throttled", "Too many requests", detail, List.of(), Map.of("retryAfter", seconds));
    }
}
