package com.quantdesk.kite.rest;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in Kite session: valid for the trading day, until Kite answers with a
 * {@link KiteException.TokenException}.
 *
 * @param accessToken the token sent in {@code Authorization: token api_key:access_token}
 * @param userId      the Zerodha client id, e.g. {@code AB1234}
 * @param loginTime   when Kite says the user logged in
 */
public record KiteSession(String accessToken, String userId, Instant loginTime) {

    /** Validates the session. */
    public KiteSession {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("access token must not be blank");
        }
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(loginTime, "loginTime");
    }

    // The token is a credential: keep it out of logs and exception messages.
    @Override
    public String toString() {
        return "KiteSession[userId=" + userId + ", loginTime=" + loginTime + ", accessToken=***]";
    }

    /**
     * When Kite expires the token: 06:00 IST on the morning after the login (a login before 06:00
     * lasts until 06:00 that morning).
     */
    public Instant expiresAt() {
        java.time.ZoneId ist = java.time.ZoneId.of("Asia/Kolkata");
        java.time.ZonedDateTime login = loginTime.atZone(ist);
        java.time.ZonedDateTime expiry = login.toLocalDate().atTime(6, 0).atZone(ist);
        return (login.isBefore(expiry) ? expiry : expiry.plusDays(1)).toInstant();
    }
}
