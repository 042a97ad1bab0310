package com.quantdesk.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin requests from an allow-list only. An allowed origin gets its own origin back (never
 * {@code *}, since credentials are allowed) and a preflight answer; a request from any other origin
 * that could change something, or its preflight, is refused with 403 before anything runs. A plain
 * read from another origin is answered without CORS headers, so the browser keeps it from the page.
 */
public final class Cors {

    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String HEADERS = "Authorization, Content-Type, Idempotency-Key, X-CSRF-Token, X-Correlation-Id";
    private static final String EXPOSED = "X-Correlation-Id, Location, Retry-After, RateLimit-Limit, "
            + "RateLimit-Remaining, RateLimit-Reset";

    private final Set<String> allowed;

    /** @param allowedOrigins exact origins, e.g. {@code https://desk.example.com} */
    public Cors(List<String> allowedOrigins) {
        this.allowed = Set.copyOf(allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
    }

    /** Whether the request comes from no browser origin, its own, or an allowed one. */
    public boolean allows(Context ctx) {
        String origin = ctx.header("Origin");
        return origin == null || sameOrigin(ctx, origin) || allowed.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** Checks the request's origin and sets the CORS headers (before the handler). */
    public void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || sameOrigin(ctx, origin)) {
            return;
        }
        boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
        if (!allowed.contains(origin.toLowerCase(Locale.ROOT))) {
            if (preflight || changes(ctx.method())) {
                throw ApiError.forbidden("cross-origin requests from " + origin + " are not allowed");
            }
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Credentials", "true");
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", EXPOSED);
        if (preflight) {
            ctx.header("Access-Control-Allow-Methods", METHODS);
            ctx.header("Access-Control-Allow-Headers", HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
        }
    }

    /** Whether a method can change state (everything but reads and preflights). */
    public static boolean changes(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    private static boolean sameOrigin(Context ctx, String origin) {
        String host = ctx.header("Host");
        if (host == null) {
            return false;
        }
        String scheme = ClientAddress.secure(ctx) ? "https://" : "http://";
        return origin.equalsIgnoreCase(scheme + host);
    }
}
