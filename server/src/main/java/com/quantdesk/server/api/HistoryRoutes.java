package com.quantdesk.server.api;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.trading.AccountBoard;
import com.quantdesk.server.trading.Alerts;
import com.quantdesk.server.trading.BotView;
import com.quantdesk.server.trading.Bots;
import com.quantdesk.server.trading.EquityHistory;
import com.quantdesk.server.trading.Portfolios;
import com.quantdesk.server.trading.Rupees;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What happened over time: equity curves of accounts and bots, and recent alerts. Read only. */
final class HistoryRoutes {

    private final EquityHistory equity;
    private final Alerts alerts;
    private final Portfolios portfolios;
    private final Bots bots;
    private final Supplier<AccountBoard.Board> board;

    HistoryRoutes(EquityHistory equity, Alerts alerts, Portfolios portfolios, Bots bots,
                  Supplier<AccountBoard.Board> board) {
        this.equity = equity;
        this.alerts = alerts;
        this.portfolios = portfolios;
        this.bots = bots;
        this.board = board;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/equity", this::accountEquity, Access.AUTHENTICATED);
        routes.get("/api/v1/bots/{id}/equity", this::botEquity, Access.AUTHENTICATED);
        routes.get("/api/v1/alerts", this::recentAlerts, Access.AUTHENTICATED);
    }

    private void accountEquity(Context ctx) {
        Principal principal = Requests.principal(ctx);
        AccountId account = Requests.account(ctx).orElseThrow(() -> ApiError.invalidField("account", "is required"));
        String range = range(ctx);
        portfolios.requireVisible(principal, account);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("account", account.value());
        answer.put("range", range);
        answer.put("items", curve(EquityHistory.Scope.account(account), range, "equity"));
        ctx.json(answer);
    }

    private void botEquity(Context ctx) {
        String range = range(ctx);
        BotView bot = bots.get(Requests.principal(ctx), ctx.pathParam("id"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bot", bot.id());
        answer.put("account", bot.account());
        answer.put("range", range);
        answer.put("items", curve(EquityHistory.Scope.bot(BotId.of(bot.id())), range, "net"));
        ctx.json(answer);
    }

    private void recentAlerts(Context ctx) {
        Principal principal = Requests.principal(ctx);
        Optional<AccountId> account = Requests.account(ctx);
        int limit = Requests.limit(ctx);
        account.ifPresent(a -> portfolios.requireVisible(principal, a));
        ctx.json(Map.of("items", alerts.recent(principal, account, limit)));
    }

    private List<Map<String, Object>> curve(EquityHistory.Scope scope, String range, String field) {
        AccountBoard.Board now = board.get();
        List<EquityHistory.Point> points = range.equals("all") ? equity.all(scope, now) : equity.day(scope, now);
        return points.stream().map(p -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("time", p.time().toString());
            item.put(field, Rupees.of(p.value()));
            return item;
        }).toList();
    }

    private static String range(Context ctx) {
        String range = Requests.query(ctx, "range", 8).orElse("day");
        if (!range.equals("day") && !range.equals("all")) {
            throw ApiError.invalidField("range", "must be 'day' or 'all'");
        }
        return range;
    }
}
