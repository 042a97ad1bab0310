package com.quantdesk.app.sandbox;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Login and the user: {@code GET /connect/login} (the sandbox's login page redirects straight back
 * with a request token), {@code POST/DELETE /session/token}, {@code GET /user/profile},
 * {@code GET /user/margins[/:segment]}.
 */
final class SessionRoutes {

    private final SandboxConfig config;
    private final Sessions sessions;
    private final SandboxMarket market;
    private final OrderBook book;

    SessionRoutes(SandboxConfig config, Sessions sessions, SandboxMarket market, OrderBook book) {
        this.config = config;
        this.sessions = sessions;
        this.market = market;
        this.book = book;
    }

    void register(RoutesConfig routes) {
        routes.get("/connect/login", this::login);
        routes.post("/session/token", ctx -> RestServer.success(ctx, sessions.exchange(ctx.formParam("api_key"),
                ctx.formParam("request_token"), ctx.formParam("checksum"), market.clock().instant())));
        routes.delete("/session/token", ctx -> {
            sessions.logout(ctx.queryParam("api_key"), ctx.queryParam("access_token"));
            RestServer.success(ctx, true);
        });
        routes.get("/user/profile", ctx -> RestServer.success(ctx, sessions.profile()));
        routes.get("/user/margins", ctx -> RestServer.success(ctx, market.call(() -> book.margins().json(book.trades()))));
        routes.get("/user/margins/{segment}", ctx -> {
            String segment = ctx.pathParam("segment");
            if (!segment.equals("equity") && !segment.equals("commodity")) {
                throw KiteError.input("Invalid segment: equity or commodity.");
            }
            RestServer.success(ctx, market.call(() -> book.margins().json(book.trades()).get(segment)));
        });
    }

    private void login(Context ctx) {
        if (!config.apiKey().equals(ctx.queryParam("api_key"))) {
            throw KiteError.input("Invalid `api_key`.");
        }
        StringBuilder target = new StringBuilder(config.redirectUrl().toString());
        target.append(config.redirectUrl().getRawQuery() == null ? '?' : '&');
        target.append("action=login&type=login&status=success&request_token=")
                .append(URLEncoder.encode(sessions.issueRequestToken(), StandardCharsets.UTF_8));
        String echoed = ctx.queryParam("redirect_params");
        if (echoed != null && !echoed.isBlank()) {
            // Kite appends the app's own query string, url-decoded once, to the redirect.
            target.append('&').append(URLDecoder.decode(echoed, StandardCharsets.UTF_8));
        }
        ctx.redirect(target.toString(), HttpStatus.FOUND);
    }
}
