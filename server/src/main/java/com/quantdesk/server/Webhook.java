package com.quantdesk.server;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A route a broker calls without signing in (a Kite postback): {@code POST path} with a body the
 * handler verifies itself (a checksum over a shared secret). The handler throws
 * {@link IllegalArgumentException} for a body it refuses; the caller gets 403 with the reason.
 *
 * @param path    the route, under {@code /api/v1/hooks/}
 * @param handler verifies and takes the body
 */
public record Webhook(String path, Consumer<String> handler) {

    /** Validates the route. */
    public Webhook {
        Objects.requireNonNull(handler, "handler");
        if (path == null || !path.matches("/api/v1/hooks/[a-z0-9-]+")) {
            throw new IllegalArgumentException("a webhook lives under /api/v1/hooks/, was " + path);
        }
    }
}
