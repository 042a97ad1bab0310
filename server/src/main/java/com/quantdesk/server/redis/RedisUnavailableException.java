package com.quantdesk.server.redis;

/**
 * Redis did not answer (unreachable, too slow, or refusing the command). Thrown by anything backed
 * by Redis; callers fail closed. The message names the server with its password masked, so it is
 * safe to log.
 */
public final class RedisUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that must not contain a password. */
    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
