package com.quantdesk.server.limits;

import java.time.Instant;

/**
 * Access tokens revoked before they expire (a logout, a disabled user), by their JWT id. A
 * revocation is kept until the token would have expired anyway, and no longer.
 */
public interface TokenRevocations {

    /** The longest JWT id that can be revoked (the database column's width). */
    int MAX_JTI_LENGTH = 64;

    /**
     * Revokes the token until {@code expiresAt}; a token that has already expired is not recorded.
     *
     * @param jti the token's id, 1 to {@value #MAX_JTI_LENGTH} characters
     * @throws IllegalArgumentException when the id is empty or too long
     */
    void revoke(String jti, Instant expiresAt);

    /** Whether the token was revoked and would not have expired yet. */
    boolean isRevoked(String jti);

    /** Whether the store behind the list answers now. */
    boolean healthy();

    /** Checks a JWT id before it is stored. */
    static String requireValidJti(String jti) {
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw new IllegalArgumentException("a token id must be 1 to " + MAX_JTI_LENGTH + " characters, not "
                    + (jti == null ? "null" : jti.length() + " characters"));
        }
        return jti;
    }
}
