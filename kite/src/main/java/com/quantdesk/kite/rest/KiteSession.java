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
}
