package com.quantdesk.server.api;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.server.audit.AuditQuery;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Body;
import com.quantdesk.server.trading.RiskDesk;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** Risk limits, trading states and the kill switch; the audit log (ADMIN and RISK). */
final class RiskRoutes {

    private final RiskDesk desk;
    private final AuditQuery audit;

    RiskRoutes(RiskDesk desk, AuditQuery audit) {
        this.desk = desk;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/risk/limits/{account}", ctx -> ctx.json(desk.limits(Requests.principal(ctx),
                account(ctx))), Access.AUTHENTICATED);
        routes.put("/api/v1/risk/limits/{account}", this::setLimits, Role.RISK, Role.ADMIN);
        routes.get("/api/v1/risk/limits/{account}/bots/{bot}", ctx -> ctx.json(desk.botLimits(
                Requests.principal(ctx), account(ctx), bot(ctx))), Access.AUTHENTICATED);
        routes.put("/api/v1/risk/limits/{account}/bots/{bot}", this::setBotLimits, Role.RISK, Role.ADMIN);
        routes.get("/api/v1/risk/states", ctx -> ctx.json(desk.states(Requests.principal(ctx))),
                Access.AUTHENTICATED);
        routes.post("/api/v1/risk/kill-switch", this::kill, Role.RISK);
        routes.post("/api/v1/risk/kill-switch/reset", this::reset, Role.RISK);
        routes.get("/api/v1/audit", this::audit, Role.ADMIN, Role.RISK);
    }

    private static AccountId account(Context ctx) {
        try {
            return AccountId.of(ctx.pathParam("account"));
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("no account " + ctx.pathParam("account"));
        }
    }

    private static BotId bot(Context ctx) {
        try {
            return BotId.of(ctx.pathParam("bot"));
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("no bot " + ctx.pathParam("bot"));
        }
    }

    private void setLimits(Context ctx) {
        Requests.audited(ctx);
        AccountId account = account(ctx);
        Body body = Requests.body(ctx);
        Map<String, String> limits = body.strings("limits", 40, 40);
        body.done();
        ctx.json(desk.setLimits(Requests.principal(ctx), Requests.caller(ctx), account, limits));
    }

    private void setBotLimits(Context ctx) {
        Requests.audited(ctx);
        AccountId account = account(ctx);
        BotId bot = bot(ctx);
        Body body = Requests.body(ctx);
        Map<String, String> limits = body.strings("limits", 40, 40);
        body.done();
        ctx.json(desk.setBotLimits(Requests.principal(ctx), Requests.caller(ctx), account, bot, limits));
    }

    private void kill(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        Optional<AccountId> account = optionalAccount(body);
        String reason = reason(body);
        boolean flatten = body.flag("flatten", false);
        body.done();
        ctx.json(desk.kill(Requests.principal(ctx), Requests.caller(ctx), account, reason, flatten));
    }

    private void reset(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        Optional<AccountId> account = optionalAccount(body);
        String reason = reason(body);
        body.done();
        ctx.json(desk.reset(Requests.principal(ctx), Requests.caller(ctx), account, reason));
    }

    /** Why the switch is thrown or reset: required, and it goes into the audit trail. */
    private static String reason(Body body) {
        String reason = body.text("reason", 200);
        if (body.has("reason") && reason.isBlank()) {
            body.fail("reason", "is required: say why, it goes into the audit trail");
        }
        return reason.strip();
    }

    private static Optional<AccountId> optionalAccount(Body body) {
        Optional<String> text = body.optionalText("account", 64);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AccountId.of(text.get()));
        } catch (IllegalArgumentException e) {
            body.fail("account", e.getMessage());
            return Optional.empty();
        }
    }

    private void audit(Context ctx) {
        Principal principal = Requests.principal(ctx);
        AuditQuery.Filter filter = new AuditQuery.Filter(Requests.query(ctx, "actor", 64),
                Requests.query(ctx, "action", 64), Requests.account(ctx), Requests.cursor(ctx), Requests.limit(ctx));
        ctx.json(audit.list(principal, filter));
    }
}
