package com.quantdesk.server.auth;

/**
 * An access token that was refused. The message says why in words safe to send back to the client
 * ("token expired", "token signature invalid"): it never quotes the token, a claim or a key.
 */
public final class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with a client-safe {@code message}. */
    public InvalidTokenException(String message) {
        super(message);
    }
}
