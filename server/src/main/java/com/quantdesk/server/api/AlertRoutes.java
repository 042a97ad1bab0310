package com.quantdesk.server.api;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.alerting.AlertEngine;
import com.quantdesk.server.alerting.AlertHistory;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.http.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-process alert engine over HTTP: the alerts firing now (of the caller's accounts and the
 * system-wide ones), its rules, the history, and acknowledgement.
 */
final class AlertRoutes {

    private static final int MAX_HISTORY = 500;

    private final AlertEngine alerts;
    private final AlertHistory history;

    AlertRoutes(AlertEngine alerts, AlertHistory history) {
        this.alerts = alerts;
        this.history = history;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/alerts/active", this::active, Access.AUTHENTICATED);
        routes.get("/api/v1/alerts/rules", this::rules, Access.AUTHENTICATED);
        routes.get("/api/v1/alerts/history", this::history, Role.ADMIN, Role.RISK);
        routes.post("/api/v1/alerts/{id}/ack", this::acknowledge, Role.ADMIN, Role.RISK);
    }

    private void active(Context ctx) {
        Principal caller = Requests.principal(ctx);
        boolean pending = Requests.query(ctx, "pending", 5).map(Boolean::parseBoolean).orElse(false);
        List<AlertEngine.ActiveAlert> visible = alerts.active(pending).stream()
                .filter(a -> a.account().equals(AccountId.SYSTEM.value()) || caller.sees(AccountId.of(a.account())))
                .toList();
        ctx.json(Map.of("items", visible));
    }

    private void rules(Context ctx) {
        ctx.json(Map.of("items", alerts.rules().stream().map(r -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", r.name());
            rule.put("severity", r.severity().text());
            rule.put("holdForSeconds", r.holdFor().toSeconds());
            rule.put("runbook", r.runbook());
            return rule;
        }).toList()));
    }

    private void history(Context ctx) {
        int limit = Math.min(Requests.limit(ctx), MAX_HISTORY);
        ctx.json(Map.of("items", history.recent(limit)));
    }

    private void acknowledge(Context ctx) {
        Requests.audited(ctx);
        String id = ctx.pathParam("id");
        if (id.length() > 40 || !alerts.acknowledge(id, Requests.principal(ctx).username())) {
            throw ApiError.notFound("no firing alert " + id);
        }
        ctx.status(204);
    }
}
