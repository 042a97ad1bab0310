package com.quantdesk.app.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;

/**
 * The sandbox's own control routes (not Kite's; no faults, no authentication — the sandbox listens
 * on loopback by default):
 * <ul>
 *   <li>{@code GET /sandbox/faults} — the switches;</li>
 *   <li>{@code POST /sandbox/faults} — JSON with any of {@code latency_ms}, {@code rate_429},
 *       {@code rate_5xx}, {@code status_5xx}, {@code rate_hang}, {@code hang_ms}, {@code after_handling};</li>
 *   <li>{@code DELETE /sandbox/faults} — all off;</li>
 *   <li>{@code POST /sandbox/ticker/drop} — drop every ticker connection;</li>
 *   <li>{@code POST /sandbox/ticker/malformed} — send every ticker client a malformed frame;</li>
 *   <li>{@code POST /sandbox/request_token} — a fresh request token, as a login would give.</li>
 * </ul>
 */
final class AdminRoutes {

    private final FaultSwitches faults;
    private final TickerServer ticker;
    private final Sessions sessions;

    AdminRoutes(FaultSwitches faults, TickerServer ticker, Sessions sessions) {
        this.faults = faults;
        this.ticker = ticker;
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.get("/sandbox/faults", ctx -> RestServer.success(ctx, faults.describe()));
        routes.post("/sandbox/faults", this::set);
        routes.delete("/sandbox/faults", ctx -> RestServer.success(ctx, faults.reset().describe()));
        routes.post("/sandbox/ticker/drop", ctx -> {
            ticker.dropAll();
            RestServer.success(ctx, true);
        });
        routes.post("/sandbox/ticker/malformed", ctx -> {
            ticker.sendMalformedFrame();
            RestServer.success(ctx, true);
        });
        routes.post("/sandbox/request_token", ctx ->
                RestServer.success(ctx, Map.of("request_token", sessions.issueRequestToken())));
    }

    private void set(Context ctx) {
        Map<?, ?> body;
        try {
            if (!(KiteJson.read(ctx.body()) instanceof Map<?, ?> map)) {
                throw KiteError.input("Expected a JSON object.");
            }
            body = map;
        } catch (JsonProcessingException e) {
            throw KiteError.input("Expected a JSON object.");
        }
        try {
            Map<String, Object> now = faults.describe();
            if (body.containsKey("latency_ms")) {
                faults.latency(Duration.ofMillis(number(body, "latency_ms").longValue()));
            }
            if (body.containsKey("rate_429")) {
                faults.tooManyRequests(number(body, "rate_429").doubleValue());
            }
            if (body.containsKey("rate_5xx") || body.containsKey("status_5xx")) {
                faults.serverErrors(number(body.containsKey("rate_5xx") ? body : now, "rate_5xx").doubleValue(),
                        number(body.containsKey("status_5xx") ? body : now, "status_5xx").intValue());
            }
            if (body.containsKey("rate_hang") || body.containsKey("hang_ms")) {
                faults.hangs(number(body.containsKey("rate_hang") ? body : now, "rate_hang").doubleValue(),
                        Duration.ofMillis(number(body.containsKey("hang_ms") ? body : now, "hang_ms").longValue()));
            }
            if (body.get("after_handling") instanceof Boolean after) {
                faults.afterHandling(after);
            }
        } catch (IllegalArgumentException e) {
            throw KiteError.input(e.getMessage());
        }
        RestServer.success(ctx, faults.describe());
    }

    private static Number number(Map<?, ?> body, String key) {
        if (!(body.get(key) instanceof Number n)) {
            throw KiteError.input("`" + key + "` must be a number.");
        }
        return n;
    }
}
