package com.quantdesk.server.api;

import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.Authenticator;
import com.quantdesk.server.auth.Logins;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.UserStore;
import com.quantdesk.server.auth.Users;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Body;
import com.quantdesk.server.http.ClientAddress;
import com.quantdesk.server.limits.Decision;
import com.quantdesk.server.limits.RateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out, refreshing, who am I, the second factor and the password. A browser may ask
 * for its tokens as cookies ({@code "cookies": true}): the access and refresh tokens are then
 * HttpOnly, SameSite=Strict cookies, and a CSRF token cookie must be echoed on every change.
 */
final class AuthRoutes {

    private final Logins logins;
    private final Users users;
    private final RateLimiter limiter;
    private final ServerConfig config;
    private final SecureRandom random = new SecureRandom();

    AuthRoutes(Logins logins, Users users, RateLimiter limiter, ServerConfig config) {
        this.logins = logins;
        this.users = users;
        this.limiter = limiter;
        this.config = config;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/login", this::login, Access.PUBLIC);
        routes.post("/api/v1/auth/refresh", this::refresh, Access.PUBLIC);
        routes.post("/api/v1/auth/logout", this::logout, Access.ENROLMENT);
        routes.get("/api/v1/auth/me", this::me, Access.ENROLMENT);
        routes.post("/api/v1/auth/totp/enrol", this::enrol, Access.ENROLMENT);
        routes.post("/api/v1/auth/totp/confirm", this::confirm, Access.ENROLMENT);
        routes.post("/api/v1/auth/password", this::password, Access.ENROLMENT);
    }

    private void login(Context ctx) {
        Requests.audited(ctx);
        Decision rate = limiter.tryAcquire(ClientAddress.limitKey(ClientAddress.of(ctx)), config.limits().login());
        if (!rate.allowed()) {
            throw new ApiError(429, "rate-limited", "Too many requests", "at most " + config.limits().login()
                    .capacity() + " login attempts per " + config.limits().login().period().toSeconds()
                    + " s from one address", List.of(), Map.of("retryAfter", rate.retryAfterSeconds()));
        }
        Body body = Requests.body(ctx);
        String username = body.text("username", 64);
        String password = body.text("password", 200);
        Optional<String> totp = body.optionalText("totp", 10);
        boolean cookies = body.flag("cookies", false);
        body.done();
        Logins.Tokens tokens = logins.login(username, password, totp, Requests.caller(ctx).withName(username));
        answer(ctx, tokens, cookies);
    }

    private void refresh(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        Optional<String> token = body.optionalText("refreshToken", 200);
        body.done();
        boolean cookies = token.isEmpty();
        if (cookies) {
            Authenticator.requireCsrf(ctx);
            token = Optional.ofNullable(ctx.cookie(Authenticator.REFRESH_COOKIE));
        }
        if (token.isEmpty()) {
            throw ApiError.invalidField("refreshToken", "is required (or the session cookie)");
        }
        answer(ctx, logins.refresh(token.get(), Requests.caller(ctx)), cookies);
    }

    private void logout(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        Optional<String> token = body.optionalText("refreshToken", 200);
        body.done();
        logins.logout(Requests.principal(ctx), token.or(() -> Optional.ofNullable(
                ctx.cookie(Authenticator.REFRESH_COOKIE))), Requests.caller(ctx));
        clearCookies(ctx);
        ctx.status(204);
    }

    private void me(Context ctx) {
        Principal p = Requests.principal(ctx);
        UserStore.User user = users.get(p.username());
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", p.username());
        me.put("roles", p.roles().stream().sorted().map(Enum::name).toList());
        me.put("accounts", p.accounts().stream().map(a -> a.value()).sorted().toList());
        me.put("totpEnabled", user.totpEnabled());
        me.put("totpEnrolmentRequired", p.enrolmentOnly());
        me.put("authenticatedBy", p.method().name());
        if (p.method() == Principal.Method.API_KEY) {
            me.put("keyScope", p.keyScope().name());
        }
        ctx.json(me);
    }

    private void enrol(Context ctx) {
        Requests.audited(ctx);
        Requests.body(ctx).done();
        Users.Enrolment enrolment = users.enrolTotp(Requests.principal(ctx), Requests.caller(ctx));
        ctx.json(Map.of("secret", enrolment.secret(), "uri", enrolment.uri()));
    }

    private void confirm(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        String code = body.text("code", 10);
        body.done();
        users.confirmTotp(Requests.principal(ctx), Requests.caller(ctx), code);
        ctx.status(204);
    }

    private void password(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        String current = body.text("currentPassword", 200);
        String next = body.text("newPassword", 200);
        body.done();
        users.changePassword(Requests.principal(ctx), Requests.caller(ctx), current, next);
        clearCookies(ctx);
        ctx.status(204);
    }

    private void answer(Context ctx, Logins.Tokens tokens, boolean cookies) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accessToken", tokens.accessToken());
        answer.put("refreshToken", tokens.refreshToken());
        answer.put("expiresIn", tokens.expiresIn());
        answer.put("tokenType", tokens.tokenType());
        if (tokens.totpEnrolmentRequired()) {
            answer.put("totpEnrolmentRequired", true);
        }
        if (cookies) {
            boolean secure = ClientAddress.secure(ctx);
            long refreshSeconds = Math.max(1, java.time.Duration.between(java.time.Instant.now(),
                    tokens.refreshExpiresAt()).toSeconds());
            cookie(ctx, Authenticator.ACCESS_COOKIE, tokens.accessToken(), "/", tokens.expiresIn(), true, secure);
            cookie(ctx, Authenticator.REFRESH_COOKIE, tokens.refreshToken(), "/api/v1/auth", refreshSeconds, true,
                    secure);
            byte[] csrf = new byte[24];
            random.nextBytes(csrf);
            String csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(csrf);
            cookie(ctx, Authenticator.CSRF_COOKIE, csrfToken, "/", refreshSeconds, false, secure);
            answer.put("csrfToken", csrfToken);
        }
        ctx.json(answer);
    }

    private static void clearCookies(Context ctx) {
        if (ctx.cookie(Authenticator.ACCESS_COOKIE) != null || ctx.cookie(Authenticator.REFRESH_COOKIE) != null) {
            boolean secure = ClientAddress.secure(ctx);
            cookie(ctx, Authenticator.ACCESS_COOKIE, "", "/", 0, true, secure);
            cookie(ctx, Authenticator.REFRESH_COOKIE, "", "/api/v1/auth", 0, true, secure);
            cookie(ctx, Authenticator.CSRF_COOKIE, "", "/", 0, false, secure);
        }
    }

    private static void cookie(Context ctx, String name, String value, String path, long maxAge, boolean httpOnly,
                               boolean secure) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge
                + "; SameSite=Strict" + (httpOnly ? "; HttpOnly" : "") + (secure ? "; Secure" : ""));
    }
}
