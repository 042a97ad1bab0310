/**
 * Rate limits and the list of revoked access tokens. A {@link com.quantdesk.server.limits.RateLimiter}
 * answers "may this key make one more request under this limit", in memory for a single node or in
 * Redis when several nodes share the limits; {@link com.quantdesk.server.limits.TokenRevocations}
 * answers "was this token revoked", from Redis or from the database.
 */
package com.quantdesk.server.limits;
