/**
 * The server's connection to Redis, shared by the rate limiter and the token revocation list when
 * several server nodes must agree. Redis being away is an outcome every caller handles: anything
 * backed by Redis throws {@link com.quantdesk.server.redis.RedisUnavailableException} within about a
 * second, and the HTTP layer fails closed.
 */
package com.quantdesk.server.redis;
