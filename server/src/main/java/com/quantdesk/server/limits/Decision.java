package com.quantdesk.server.limits;

/**
 * The answer to one request under a {@link Limit}, with what the {@code RateLimit-*} and
 * {@code Retry-After} response headers need.
 *
 * @param allowed           whether the request may go ahead
 * @param limit             the limit's capacity
 * @param remaining         requests left in the current window, at least 0
 * @param resetSeconds      seconds (rounded up) until the window's tokens come back, at least 0
 * @param retryAfterSeconds 0 when allowed; otherwise seconds (rounded up) until one request will be,
 *                          at least 1
 */
public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    /** Validates the parts. */
    public Decision {
        if (limit < 1 || remaining < 0 || remaining > limit || resetSeconds < 0) {
            throw new IllegalArgumentException("inconsistent decision: limit " + limit + ", remaining "
                    + remaining + ", reset in " + resetSeconds + " s");
        }
        if (allowed ? retryAfterSeconds != 0 : retryAfterSeconds < 1) {
            throw new IllegalArgumentException((allowed ? "an allowed" : "a refused")
                    + " request cannot have retryAfterSeconds " + retryAfterSeconds);
        }
    }
}
