package com.quantdesk.server.api;

import com.quantdesk.server.TradingRuntime;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.http.Json;
import com.quantdesk.server.metrics.ServerMetrics;
import com.quantdesk.server.metrics.StoreMetrics;
import com.quantdesk.server.redis.RedisConnection;
import com.quantdesk.server.stream.StreamHub;
import com.quantdesk.server.trading.EngineAccess;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Health, readiness, metrics, system information and the API's own description. */
final class SystemRoutes {

    static final String OPENAPI = "/api/v1/openapi.json";

    private final TradingRuntime runtime;
    private final EngineAccess engine;
    private final Optional<RedisConnection> redis;
    private final ServerMetrics metrics;
    private final StreamHub hub;
    private final InstantSource clock;
    private final Instant started;
    private final String version;
    private final byte[] openApi;
    private final String apiPage;

    SystemRoutes(TradingRuntime runtime, EngineAccess engine, Optional<RedisConnection> redis, ServerMetrics metrics,
                 StreamHub hub, InstantSource clock, String version) {
        this.runtime = runtime;
        this.engine = engine;
        this.redis = redis;
        this.metrics = metrics;
        this.hub = hub;
        this.clock = clock;
        this.started = clock.instant();
        this.version = version;
        this.openApi = resource("openapi.json");
        this.apiPage = ApiPage.render(Json.read(openApi));
    }

    void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")), Access.PUBLIC);
        routes.get("/ready", this::ready, Access.PUBLIC);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()), Role.ADMIN);
        routes.get("/api/v1/system", this::system, Access.AUTHENTICATED);
        routes.get(OPENAPI, ctx -> ctx.contentType("application/json").result(openApi), Access.PUBLIC);
        routes.get("/api/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(apiPage), Access.PUBLIC);
        routes.get("/api/docs.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(ApiPage.CSS),
                Access.PUBLIC);
    }

    private void ready(Context ctx) {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", StoreMetrics.within(() -> StoreMetrics.answers(runtime.store().dataSource())));
        checks.put("journal", runtime.store().journal().isHealthy());
        redis.ifPresent(r -> checks.put("redis", StoreMetrics.within(r::ping)));
        checks.put("engine", engine.running());
        checks.put("marketData", runtime.marketDataFresh());
        boolean ready = checks.values().stream().allMatch(Boolean.TRUE::equals);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ready", ready);
        answer.put("checks", checks);
        ctx.status(ready ? 200 : 503).json(answer);
    }

    private void system(Context ctx) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", version);
        info.put("mode", runtime.mode());
        info.put("startedAt", started.toString());
        info.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
        info.put("database", runtime.store().dialect().name().toLowerCase(java.util.Locale.ROOT));
        info.put("redis", redis.isPresent());
        info.put("streamClients", hub.size());
        info.put("java", Runtime.version().toString());
        ctx.json(info);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the server's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
