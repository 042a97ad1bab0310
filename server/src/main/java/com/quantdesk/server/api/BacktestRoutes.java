package com.quantdesk.server.api;

import com.quantdesk.core.market.BarInterval;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.backtest.BacktestJobs;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Body;
import com.quantdesk.server.trading.Intervals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Backtests as asynchronous jobs: start, progress, result JSON and HTML report. */
final class BacktestRoutes {

    private static final long MAX_CAPITAL = 1_000_000_000_00L * 100;

    private final BacktestJobs jobs;

    BacktestRoutes(BacktestJobs jobs) {
        this.jobs = jobs;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/backtests", ctx -> ctx.json(Map.of("items", jobs.list(Requests.principal(ctx)))),
                Access.AUTHENTICATED);
        routes.post("/api/v1/backtests", this::submit, Access.AUTHENTICATED);
        routes.get("/api/v1/backtests/{id}", ctx -> ctx.json(jobs.status(Requests.principal(ctx),
                ctx.pathParam("id"))), Access.AUTHENTICATED);
        routes.get("/api/v1/backtests/{id}/result", ctx -> file(ctx, "json", "application/json"),
                Access.AUTHENTICATED);
        routes.get("/api/v1/backtests/{id}/report", ctx -> file(ctx, "html", "text/html; charset=utf-8"),
                Access.AUTHENTICATED);
    }

    private void submit(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        String strategy = body.text("strategy", 64);
        Map<String, String> params = body.has("params") ? body.strings("params", 32, 64) : Map.of();
        List<String> symbols = body.texts("symbols", 50, 32);
        LocalDate from = date(body, "from");
        LocalDate to = date(body, "to");
        BarInterval interval = null;
        String intervalText = body.optionalText("interval", 8).orElse("1d");
        try {
            interval = Intervals.parse(intervalText);
        } catch (IllegalArgumentException e) {
            body.fail("interval", e.getMessage());
        }
        long capital = body.rupees("capital", 1_000_00L, MAX_CAPITAL, 10_00_000_00L);
        long seed = body.integer("seed", 0, Long.MAX_VALUE, 1);
        int slippage = (int) body.integer("slippageBps", 0, 500, 0);
        body.done();
        BacktestJobs.Status status = jobs.submit(Requests.principal(ctx), Requests.caller(ctx),
                new BacktestJobs.Request(strategy, params, symbols, from, to, interval, capital, seed, slippage));
        ctx.status(202).header("Location", "/api/v1/backtests/" + status.id()).json(status);
    }

    private static LocalDate date(Body body, String field) {
        String text = body.text(field, 10);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            body.fail(field, "must be a date like 2025-01-31");
            return null;
        }
    }

    private void file(Context ctx, String kind, String type) throws IOException {
        Path path = jobs.file(Requests.principal(ctx), ctx.pathParam("id"), kind);
        try {
            InputStream in = Files.newInputStream(path);
            ctx.contentType(type).result(in);
        } catch (NoSuchFileException e) {
            throw ApiError.notFound("the " + kind + " result of backtest " + ctx.pathParam("id") + " is gone");
        }
    }
}
