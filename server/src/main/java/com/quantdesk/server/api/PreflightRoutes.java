package com.quantdesk.server.api;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.TradingRuntime;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.preflight.Preflight;
import com.quantdesk.server.preflight.PreflightReport;
import com.quantdesk.server.preflight.PreflightSetup;
import com.quantdesk.server.trading.EngineAccess;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The go/no-go of the running process, for ADMIN: the same checks as {@code quantdesk preflight}. */
final class PreflightRoutes {

    private final ServerConfig config;
    private final TradingRuntime runtime;
    private final EngineAccess engine;
    private final Preflight preflight;

    PreflightRoutes(ServerConfig config, TradingRuntime runtime, EngineAccess engine, InstantSource clock) {
        this.config = config;
        this.runtime = runtime;
        this.engine = engine;
        this.preflight = new Preflight(clock);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/preflight", this::run, Role.ADMIN);
    }

    private void run(Context ctx) {
        Map<AccountId, RiskLimits> limits = engine.read(e -> {
            Map<AccountId, RiskLimits> byAccount = new LinkedHashMap<>();
            for (AccountId account : e.accounts()) {
                byAccount.put(account, runtime.risk().limits(account));
            }
            return byAccount;
        });
        PreflightSetup setup = new PreflightSetup(runtime.mode(), Optional.of(config), config.dataDirectory(),
                runtime.store().dataSource(), runtime.store().dialect(), Optional.of(runtime.store().journalKey()),
                limits, runtime.preflightFacts(config.dataDirectory()));
        PreflightReport report = preflight.run(setup);
        ctx.json(report);
    }
}
