package com.quantdesk.server.http;

import io.javalin.http.Context;

/**
 * The headers every answer carries, errors and static files included: a strict content security
 * policy, no sniffing, no framing, no referrer, no powerful browser features, cross-origin
 * isolation, no caching of API answers, and HSTS when the client came over TLS.
 */
public final class SecurityHeaders {

    private static final String CSP = "default-src 'self'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; object-src 'none'";
    private static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    private final boolean hsts;

    /** @param hsts whether to send Strict-Transport-Security on answers over TLS */
    public SecurityHeaders(boolean hsts) {
        this.hsts = hsts;
    }

    /** Sets the headers (before the handler runs, so every answer has them). */
    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", PERMISSIONS);
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/health") || ctx.path().equals("/ready")
                || ctx.path().equals("/metrics")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (hsts && ClientAddress.secure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
