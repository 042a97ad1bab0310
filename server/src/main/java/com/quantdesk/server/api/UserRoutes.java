package com.quantdesk.server.api;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.audit.AuditTrail;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.ApiKeys;
import com.quantdesk.server.auth.KeyScope;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.auth.UserStore;
import com.quantdesk.server.auth.Users;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Body;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users (ADMIN) and API keys (each user their own; ADMIN anyone's). */
final class UserRoutes {

    private final Users users;
    private final ApiKeys keys;
    private final AuditTrail audit;

    UserRoutes(Users users, ApiKeys keys, AuditTrail audit) {
        this.users = users;
        this.keys = keys;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/users", this::list, Role.ADMIN);
        routes.post("/api/v1/users", this::create, Role.ADMIN);
        routes.get("/api/v1/users/{username}", this::get, Role.ADMIN);
        routes.post("/api/v1/users/{username}/disable", ctx -> disable(ctx, true), Role.ADMIN);
        routes.post("/api/v1/users/{username}/enable", ctx -> disable(ctx, false), Role.ADMIN);
        routes.put("/api/v1/users/{username}/roles", this::roles, Role.ADMIN);
        routes.put("/api/v1/users/{username}/accounts", this::accounts, Role.ADMIN);
        routes.post("/api/v1/users/{username}/totp/reset", this::resetTotp, Role.ADMIN);
        routes.get("/api/v1/api-keys", this::listKeys, Access.AUTHENTICATED);
        routes.post("/api/v1/api-keys", this::createKey, Access.AUTHENTICATED);
        routes.delete("/api/v1/api-keys/{id}", this::revokeKey, Access.AUTHENTICATED);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("items", users.list().stream().map(UserRoutes::view).toList()));
    }

    private void get(Context ctx) {
        ctx.json(view(users.get(name(ctx))));
    }

    private void create(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        String username = body.text("username", 64);
        String password = body.text("password", 200);
        Set<Role> roles = roles(body);
        Set<AccountId> accounts = accounts(body);
        body.done();
        String canonical;
        try {
            canonical = UserStore.canonical(username);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("username", e.getMessage());
        }
        UserStore.User user = users.create(Requests.caller(ctx), canonical, password, roles, accounts);
        ctx.status(201).header("Location", "/api/v1/users/" + user.username()).json(view(user));
    }

    private void disable(Context ctx, boolean disabled) {
        Requests.audited(ctx);
        Requests.body(ctx).done();
        ctx.json(view(users.setDisabled(Requests.caller(ctx), name(ctx), disabled)));
    }

    private void roles(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        Set<Role> roles = roles(body);
        body.done();
        ctx.json(view(users.setRoles(Requests.caller(ctx), name(ctx), roles)));
    }

    private void accounts(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        if (!body.has("accounts")) {
            body.fail("accounts", "is required (an empty list takes every account away)");
        }
        Set<AccountId> accounts = accounts(body);
        body.done();
        ctx.json(view(users.setAccounts(Requests.caller(ctx), name(ctx), accounts)));
    }

    private void resetTotp(Context ctx) {
        Requests.audited(ctx);
        Requests.body(ctx).done();
        ctx.json(view(users.resetTotp(Requests.caller(ctx), name(ctx))));
    }

    private void listKeys(Context ctx) {
        Principal p = Requests.principal(ctx);
        boolean all = "true".equals(ctx.queryParam("all"));
        if (all && !p.has(Role.ADMIN)) {
            throw ApiError.forbidden("listing every user's keys needs the ADMIN role");
        }
        ctx.json(Map.of("items", keys.list(all ? Optional.empty() : Optional.of(p.username())).stream()
                .map(UserRoutes::view).toList()));
    }

    private void createKey(Context ctx) {
        Requests.audited(ctx);
        Principal p = Requests.principal(ctx);
        Body body = Requests.body(ctx);
        String name = body.text("name", 64);
        KeyScope scope = body.optionalChoice("scope", KeyScope.class).orElse(KeyScope.READ);
        body.done();
        if (scope == KeyScope.TRADE && !p.has(Role.TRADER)) {
            throw ApiError.forbidden("a trading key needs the TRADER role");
        }
        ApiKeys.Created created = keys.create(p.username(), name, scope);
        audit.record(Requests.caller(ctx).entry(AccountId.SYSTEM, "apikey.create", created.id(), "201 created",
                name + " (" + scope + ")"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", created.id());
        answer.put("key", created.key());
        answer.put("name", created.name());
        answer.put("scope", created.scope().name());
        answer.put("createdAt", created.createdAt().toString());
        answer.put("note", "the key is shown this once; keep it secret");
        ctx.status(201).json(answer);
    }

    private void revokeKey(Context ctx) {
        Requests.audited(ctx);
        Principal p = Requests.principal(ctx);
        String id = ctx.pathParam("id");
        Optional<String> owner = id.matches("[0-9a-f]{16}") ? keys.owner(id) : Optional.empty();
        if (owner.isEmpty() || !owner.get().equals(p.username()) && !p.has(Role.ADMIN)) {
            throw ApiError.notFound("no API key " + id);
        }
        boolean revoked = keys.revoke(id);
        AuditEntry entry = Requests.caller(ctx).entry(AccountId.SYSTEM, "apikey.revoke", id, revoked ? "ok"
                : "already revoked", "owner " + owner.get());
        audit.record(entry);
        ctx.status(204);
    }

    private static String name(Context ctx) {
        try {
            return UserStore.canonical(ctx.pathParam("username"));
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("no user " + ctx.pathParam("username"));
        }
    }

    private static Set<Role> roles(Body body) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String text : body.texts("roles", 4, 10)) {
            try {
                roles.addAll(Role.parse(text));
            } catch (IllegalArgumentException e) {
                body.fail("roles", e.getMessage());
            }
        }
        if (roles.isEmpty()) {
            body.fail("roles", "name at least one of ADMIN, RISK, TRADER, VIEWER");
        }
        return roles;
    }

    private static Set<AccountId> accounts(Body body) {
        Set<AccountId> accounts = new LinkedHashSet<>();
        for (String text : body.texts("accounts", 100, 64)) {
            try {
                accounts.add(AccountId.of(text));
            } catch (IllegalArgumentException e) {
                body.fail("accounts", e.getMessage());
            }
        }
        return accounts;
    }

    private static Map<String, Object> view(UserStore.User u) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", u.username());
        view.put("roles", u.roles().stream().sorted().map(Enum::name).toList());
        view.put("accounts", u.accounts().stream().map(AccountId::value).toList());
        view.put("disabled", u.disabled());
        view.put("totpEnabled", u.totpEnabled());
        view.put("lockedUntil", u.lockedUntil().isAfter(Instant.now()) ? u.lockedUntil().toString() : null);
        return view;
    }

    private static Map<String, Object> view(ApiKeys.Listed k) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", k.id());
        view.put("username", k.username());
        view.put("name", k.name());
        view.put("scope", k.scope().name());
        view.put("createdAt", k.createdAt().toString());
        view.put("lastUsedAt", k.lastUsedAt().map(Instant::toString).orElse(null));
        view.put("revokedAt", k.revokedAt().map(Instant::toString).orElse(null));
        return view;
    }
}
