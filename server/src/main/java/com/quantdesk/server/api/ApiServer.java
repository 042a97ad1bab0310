package com.quantdesk.server.api;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.engine.CorrelationScope;
import com.quantdesk.core.trace.Tracer;
import com.quantdesk.core.trace.Tracing;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.TradingRuntime;
import com.quantdesk.server.audit.AuditQuery;
import com.quantdesk.server.audit.AuditTrail;
import com.quantdesk.server.audit.Caller;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.AccessTokens;
import com.quantdesk.server.auth.ApiKeys;
import com.quantdesk.server.auth.Authenticator;
import com.quantdesk.server.auth.KeyScope;
import com.quantdesk.server.auth.Logins;
import com.quantdesk.server.auth.PasswordPolicy;
import com.quantdesk.server.auth.Passwords;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.RefreshTokens;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.auth.SecretBox;
import com.quantdesk.server.auth.Totp;
import com.quantdesk.server.auth.UserStore;
import com.quantdesk.server.auth.Users;
import com.quantdesk.server.backtest.BacktestData;
import com.quantdesk.server.backtest.BacktestJobs;
import com.quantdesk.server.db.Sql;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.ClientAddress;
import com.quantdesk.server.http.Correlation;
import com.quantdesk.server.http.Cors;
import com.quantdesk.server.http.Json;
import com.quantdesk.server.http.Problems;
import com.quantdesk.server.http.SecurityHeaders;
import com.quantdesk.server.limits.Decision;
import com.quantdesk.server.limits.JdbcTokenRevocations;
import com.quantdesk.server.limits.Limit;
import com.quantdesk.server.limits.LocalRateLimiter;
import com.quantdesk.server.limits.RateLimiter;
import com.quantdesk.server.limits.RedisRateLimiter;
import com.quantdesk.server.limits.RedisTokenRevocations;
import com.quantdesk.server.limits.TokenRevocations;
import com.quantdesk.server.metrics.ServerMetrics;
import com.quantdesk.server.metrics.StoreMetrics;
import com.quantdesk.server.metrics.TradingMetrics;
import com.quantdesk.server.notify.Notifier;
import com.quantdesk.server.alerting.AlertEngine;
import com.quantdesk.server.alerting.AlertHistory;
import com.quantdesk.server.alerting.AlertRules;
import com.quantdesk.server.redis.RedisConnection;
import com.quantdesk.server.redis.RedisUnavailableException;
import com.quantdesk.server.stream.StreamHub;
import com.quantdesk.server.trading.AccountBoard;
import com.quantdesk.server.trading.Alerts;
import com.quantdesk.server.trading.Bots;
import com.quantdesk.server.trading.EngineAccess;
import com.quantdesk.server.trading.EquityHistory;
import com.quantdesk.server.trading.IdempotencyKeys;
import com.quantdesk.server.trading.OrderQueries;
import com.quantdesk.server.trading.Orders;
import com.quantdesk.server.trading.PnlHistory;
import com.quantdesk.server.trading.Portfolios;
import com.quantdesk.server.trading.RiskDesk;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: every route of the API and the stream, behind one request pipeline — correlation
 * id, client address, security headers, CORS, the per-address limit, authentication, roles, API-key
 * scope, the per-user limit — and after it metrics and the audit of changes the handler did not audit.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** One line per request at INFO (method, path, status, time): the access log. */
    private static final Logger ACCESS = LoggerFactory.getLogger("com.quantdesk.server.access");
    private static final String STARTED = "qd.started";
    private static final String SPAN = "qd.span";
    private static final String SPAN_SCOPE = "qd.spanScope";
    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BOARD_EVERY = Duration.ofMillis(250);
    /** How often the database and Redis are asked whether they answer (for the metrics). */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    /** How often the alert engine evaluates its rules. */
    private static final Duration ALERT_EVERY = Duration.ofSeconds(5);
    /** How often a firing alert nobody acknowledged is notified again. */
    private static final Duration ALERT_REPEAT = Duration.ofHours(4);
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final Javalin app;
    private final Optional<String> generatedPassword;
    private final Optional<RedisConnection> redis;
    private final StreamHub hub;
    private final BacktestJobs backtests;
    private final ScheduledExecutorService chores;
    private final boolean tls;
    private final EquityHistory equity;
    private final Notifier notifier;
    private final AlertEngine alerts;
    private final ScheduledExecutorService alerting;
    private final AtomicBoolean draining;

    private ApiServer(Javalin app, Optional<String> generatedPassword, Optional<RedisConnection> redis, StreamHub hub,
                      BacktestJobs backtests, ScheduledExecutorService chores, boolean tls, EquityHistory equity,
                      Notifier notifier, AlertEngine alerts, ScheduledExecutorService alerting,
                      AtomicBoolean draining) {
        this.draining = draining;
        this.app = app;
        this.generatedPassword = generatedPassword;
        this.redis = redis;
        this.hub = hub;
        this.backtests = backtests;
        this.chores = chores;
        this.tls = tls;
        this.equity = equity;
        this.notifier = notifier;
        this.alerts = alerts;
        this.alerting = alerting;
    }

    /**
     * Builds every part and starts listening.
     *
     * @param adminPassword the first administrator's password ({@code QD_ADMIN_PASSWORD}), if given
     * @param serverKey     the {@code QD_SERVER_KEY} environment variable, if set
     * @param jwtKey        the {@code QD_JWT_KEY} environment variable, if set
     * @throws IllegalStateException when a key file or the TLS key store is unusable, or the port is taken
     */
    public static ApiServer start(ServerConfig config, TradingRuntime runtime, BacktestData data,
                                  StrategyCatalog catalog, InstantSource clock, String version,
                                  Optional<String> adminPassword, Optional<String> serverKey,
                                  Optional<String> jwtKey) {
        Sql sql = new Sql(runtime.store().dataSource());
        Optional<RedisConnection> redis = config.redisUrl().map(RedisConnection::open);
        RateLimiter limiter = redis.<RateLimiter>map(r -> new RedisRateLimiter(r, config.redisKeyPrefix() + "rate:"))
                .orElseGet(LocalRateLimiter::new);
        TokenRevocations revocations = redis.<TokenRevocations>map(r -> new RedisTokenRevocations(r, config.redisKeyPrefix() + "revoked:",
                clock)).orElseGet(() -> new JdbcTokenRevocations(runtime.store().dataSource(), clock));
        SecretBox secrets = SecretBox.load(config.dataDirectory(), serverKey);
        AccessTokens tokens = AccessTokens.load(config.dataDirectory(), jwtKey, ServerConfig.ISSUER,
                ServerConfig.AUDIENCE, config.accessTokenTtl(), clock);

        EngineAccess engine = new EngineAccess(runtime.engine(), runtime.store().journal(), ENGINE_TIMEOUT);
        AuditTrail audit = new AuditTrail(engine);
        UserStore userStore = new UserStore(sql, clock);
        Passwords passwords = Passwords.standard();
        Totp totp = new Totp(clock);
        RefreshTokens refreshTokens = new RefreshTokens(sql, clock, config.refreshTokenTtl());
        ApiKeys keys = new ApiKeys(sql, clock);
        Authenticator authenticator = new Authenticator(tokens, revocations, keys, userStore, clock);
        Logins logins = new Logins(userStore, passwords, totp, secrets, tokens, refreshTokens, revocations, limiter,
                config, audit, clock);
        Users users = new Users(userStore, passwords, new PasswordPolicy(), totp, secrets, refreshTokens, keys,
                authenticator, audit, () -> Set.copyOf(engine.read(e -> e.accounts())));

        PnlHistory history = new PnlHistory(sql);
        AccountBoard board = new AccountBoard(history.dayStarts(MarketTime.tradeDate(clock.instant())),
                runtime.risk());
        Runnable refresh = () -> engine.read(e -> {
            board.refresh(e);
            return null;
        });
        refresh.run();
        EquityHistory equity = new EquityHistory(sql, board.current().asOf());
        Portfolios portfolios = new Portfolios(board::current, history);
        OrderQueries queries = new OrderQueries(sql);
        IdempotencyKeys idempotency = new IdempotencyKeys(sql, clock);
        Orders orders = new Orders(engine, queries, idempotency, limiter, config.limits(), sql);
        Bots bots = new Bots(engine, board::current, runtime.market(), refresh);
        RiskDesk desk = new RiskDesk(engine, runtime.risk(), portfolios, refresh);
        BacktestJobs backtests = new BacktestJobs(config.dataDirectory().resolve("backtests"), data, catalog, audit,
                clock);
        StreamHub hub = new StreamHub(engine, runtime.market(), config.streamConnectionsPerUser(),
                config.streamBacklog(), config.heartbeat(), board::current, authenticator::recheck);
        ServerMetrics metrics = new ServerMetrics(hub::size, hub::dropped, config.dataDirectory());
        TradingMetrics trading = new TradingMetrics(metrics.registry(), board::current, runtime.engine()::backlog,
                runtime::marketOpen);
        // Accounts and bots there before this start have their gauges from now; later ones with their first event.
        trading.gaugeBoard();
        runtime.risk().timeChecks(System::nanoTime, trading::riskCheck);
        StoreMetrics storeMetrics = new StoreMetrics(metrics.registry(), runtime.store(), redis);
        storeMetrics.probe();
        runtime.bindMetrics(metrics.registry());
        engine.read(e -> {
            e.addListener(trading);
            return null;
        });

        // Channel secrets are sealed under the same server key as the TOTP secrets.
        Notifier notifier = new Notifier(runtime.store().dataSource(), secrets, clock, metrics.registry());
        AlertHistory alertHistory = new AlertHistory(sql);
        AlertEngine alerts = new AlertEngine(AlertRules.standard(), metrics.registry(), alertHistory, notifier::publish,
                audit::recordAfter, clock, ALERT_REPEAT);
        engine.read(e -> {
            e.addListener(alerts);
            return null;
        });

        Optional<String> generated = users.bootstrap(adminPassword);

        ClientAddress addresses = new ClientAddress(config.trustedProxies());
        SecurityHeaders headers = new SecurityHeaders(config.tls().isPresent() || !config.trustedProxies().isEmpty());
        Cors cors = new Cors(config.corsOrigins());
        Pipeline pipeline = new Pipeline(config, limiter, authenticator, audit, metrics);
        DashboardRoutes dashboard = DashboardRoutes.load();

        AtomicBoolean draining = new AtomicBoolean();
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new Json());
            cfg.jetty.host = config.bind();
            cfg.jetty.port = config.port();
            config.tls().ifPresent(t -> cfg.jetty.addConnector((server, http) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(t.keyStore().toAbsolutePath().toString());
                ssl.setKeyStorePassword(t.password());
                ssl.setKeyStoreType("PKCS12");
                ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                HttpConfiguration https = new HttpConfiguration(http);
                https.addCustomizer(new SecureRequestCustomizer());
                ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(https));
                connector.setHost(config.bind());
                connector.setPort(config.port());
                return connector;
            }));
            cfg.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                Correlation.assign(ctx);
                traceRequest(ctx);
                if (draining.get() && ctx.path().equals("/ready")) {
                    // Stopping: the load balancer takes this node out before its listener goes.
                    ctx.status(503).json(java.util.Map.of("ready", false, "checks", java.util.Map.of("stopping",
                            false)));
                    ctx.skipRemainingHandlers();
                    return;
                }
                addresses.resolve(ctx);
                headers.apply(ctx);
                cors.apply(ctx);
                pipeline.perAddress(ctx);
                if (ctx.method() == HandlerType.OPTIONS) {
                    // A preflight the CORS check let through: its headers are set, nothing else runs.
                    ctx.status(204).skipRemainingHandlers();
                }
            });
            cfg.routes.beforeMatched(pipeline::authorize);
            cfg.routes.after(pipeline::finish);
            new AuthRoutes(logins, users, limiter, config).register(cfg.routes);
            new UserRoutes(users, keys, audit).register(cfg.routes);
            new TradingRoutes(orders, bots, portfolios, runtime.market(), catalog, board::current,
                    () -> MarketTime.tradeDate(clock.instant())).register(cfg.routes);
            new RiskRoutes(desk, new AuditQuery(sql)).register(cfg.routes);
            new HistoryRoutes(equity, new Alerts(sql), portfolios, bots, board::current).register(cfg.routes);
            new BacktestRoutes(backtests).register(cfg.routes);
            new SystemRoutes(runtime, engine, redis, metrics, hub, clock, version).register(cfg.routes);
            new StreamRoutes(hub, authenticator, cors, runtime.market(), config.heartbeat()).register(cfg.routes);
            new NotificationRoutes(notifier, audit).register(cfg.routes);
            new AlertRoutes(alerts, alertHistory).register(cfg.routes);
            new PreflightRoutes(config, runtime, engine, clock).register(cfg.routes);
            for (com.quantdesk.server.Webhook hook : runtime.webhooks()) {
                cfg.routes.post(hook.path(), ctx -> {
                    try {
                        hook.handler().accept(ctx.body());
                    } catch (IllegalArgumentException refused) {
                        LOG.warn("webhook {} refused: {}", hook.path(), refused.getMessage());
                        throw ApiError.forbidden(refused.getMessage());
                    }
                    ctx.json(java.util.Map.of("status", "ok"));
                }, Access.PUBLIC);
            }
            dashboard.register(cfg.routes);
            cfg.routes.exception(ApiError.class, (e, ctx) -> Problems.write(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> Problems.write(ctx, e));
            cfg.routes.exception(RedisUnavailableException.class, (e, ctx) -> {
                LOG.warn("Redis unavailable: {}", e.getMessage());
                Problems.write(ctx, ApiError.unavailable("the rate-limit store is unreachable; try again shortly"));
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> Problems.unexpected(ctx, e));
            cfg.routes.error(404, "*", ctx -> {
                if (!isProblem(ctx)) {
                    Problems.write(ctx, ApiError.notFound("no such resource: " + ctx.path()));
                }
            });
            cfg.routes.error(405, "*", ctx -> {
                if (!isProblem(ctx)) {
                    Problems.write(ctx, new ApiError(405, "method-not-allowed", "Method not allowed",
                            ctx.method() + " is not allowed on " + ctx.path(), java.util.List.of(),
                            java.util.Map.of()));
                }
            });
        });
        pipeline.rolesFrom(app.unsafe.internalRouter);
        ScheduledExecutorService chores = daemonScheduler("api-chores");
        chores.scheduleWithFixedDelay(() -> {
            try {
                refresh.run();
                equity.sample(board.current());
            } catch (RuntimeException e) {
                LOG.debug("board not refreshed: {}", e.getMessage());
            }
        }, BOARD_EVERY.toMillis(), BOARD_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        // On its own thread: a hung database must not hold up the board's refresh.
        chores.scheduleWithFixedDelay(() -> Thread.startVirtualThread(storeMetrics::probe), PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        chores.scheduleWithFixedDelay(() -> {
            try {
                idempotency.purge();
                refreshTokens.purge();
                if (revocations instanceof JdbcTokenRevocations jdbc) {
                    jdbc.purgeExpired(clock.instant());
                }
            } catch (RuntimeException e) {
                LOG.warn("purge of expired keys and tokens failed: {}", e.getMessage());
            }
        }, 1, 60, TimeUnit.MINUTES);
        try {
            app.start();
        } catch (RuntimeException e) {
            chores.shutdownNow();
            hub.close();
            backtests.close();
            equity.close();
            notifier.close();
            redis.ifPresent(RedisConnection::close);
            throw new IllegalStateException("cannot listen on " + config.bind() + ":" + config.port() + ": "
                    + rootMessage(e), e);
        }
        notifier.start();
        ScheduledExecutorService alerting = daemonScheduler("alerts");
        alerting.scheduleWithFixedDelay(() -> {
            try {
                alerts.evaluate();
            } catch (RuntimeException e) {
                LOG.warn("alert evaluation failed: {}", e.toString());
            }
        }, ALERT_EVERY.toMillis(), ALERT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return new ApiServer(app, generated, redis, hub, backtests, chores, config.tls().isPresent(), equity,
                notifier, alerts, alerting, draining);
    }

    /** Opens the request's span (current on this thread until {@link #endTrace}). */
    private static void traceRequest(Context ctx) {
        Tracer.Span span = Tracing.tracer().startSpan("HTTP " + ctx.method().name())
                .attribute("http.request.method", ctx.method().name())
                .attribute("url.path", ctx.path())
                .attribute(CorrelationScope.MDC_KEY, Correlation.of(ctx));
        ctx.attribute(SPAN, span);
        ctx.attribute(SPAN_SCOPE, span.makeCurrent());
    }

    /** Ends the request's span, named for its route (low cardinality), with the status. */
    private static void endTrace(Context ctx, String route, int status) {
        Tracer.Scope scope = ctx.attribute(SPAN_SCOPE);
        if (scope != null) {
            scope.close();
        }
        Tracer.Span span = ctx.attribute(SPAN);
        if (span != null) {
            span.rename("HTTP " + ctx.method().name() + " " + route)
                    .attribute("http.route", route)
                    .attribute("http.response.status_code", Integer.toString(status))
                    .end();
        }
    }

    /** A scheduler with one daemon thread of that name. */
    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problems.MEDIA_TYPE);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The port listened on (the real one when 0 was asked for). */
    public int port() {
        return app.port();
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:8080}. */
    public URI url(String host) {
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port());
    }

    /** The first administrator's generated password, on the start that created it (shown once). */
    public Optional<String> generatedAdminPassword() {
        return generatedPassword;
    }

    /** The in-process alert engine. */
    public AlertEngine alerts() {
        return alerts;
    }

    /** The notifier: where alerts are published to the notification channels people subscribed to. */
    public Notifier notifier() {
        return notifier;
    }

    /** The HTTP routes as {@code METHOD /path}, for the check of the API document against them. */
    public java.util.List<String> routes() {
        java.util.List<String> routes = new java.util.ArrayList<>();
        for (var endpoint : app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint e = endpoint.endpoint;
            if (HTTP_METHODS.contains(e.method.name())) {
                // A path parameter that may hold slashes (<path>) is written as OpenAPI writes any: {path}.
                routes.add(e.method.name() + " " + e.path.replace('<', '{').replace('>', '}'));
            }
        }
        return routes;
    }

    /** Starts stopping: from now on {@code /ready} answers 503; everything else is still served. */
    public void drain() {
        draining.set(true);
    }

    /** Whether {@link #drain} or {@link #close} was called. */
    public boolean draining() {
        return draining.get();
    }

    /** Answers 503 on {@code /ready}, stops listening (Jetty's stop), then stops the server's own work. */
    @Override
    public void close() {
        drain();
        alerting.shutdownNow();
        chores.shutdownNow();
        hub.close();
        app.stop();
        notifier.close();
        backtests.close();
        equity.close();
        redis.ifPresent(RedisConnection::close);
    }

    /** The steps every request goes through. */
    private static final class Pipeline {
        private final ServerConfig config;
        private final RateLimiter limiter;
        private final Authenticator authenticator;
        private final AuditTrail audit;
        private final ServerMetrics metrics;
        /** The roles of the GET route at a path: a HEAD is answered by it, and must be let in as it would be. */
        private Function<String, Set<RouteRole>> getRoles = path -> Set.of();

        Pipeline(ServerConfig config, RateLimiter limiter, Authenticator authenticator, AuditTrail audit,
                 ServerMetrics metrics) {
            this.config = config;
            this.limiter = limiter;
            this.authenticator = authenticator;
            this.audit = audit;
            this.metrics = metrics;
        }

        /** Reads the roles of GET routes from the server's router, for HEAD requests. */
        void rolesFrom(InternalRouter router) {
            getRoles = path -> router.findHttpHandlerEntries(HandlerType.GET, path).stream().findFirst()
                    .map(entry -> entry.endpoint.metadata(Roles.class))
                    .map(Roles::getRoles).orElse(Set.of());
        }

        /** The per-address limit on every API request (the health and metrics routes stay free). */
        void perAddress(Context ctx) {
            if (!ctx.path().startsWith("/api/")) {
                return;
            }
            limit(ctx, ClientAddress.limitKey(ClientAddress.of(ctx)), config.limits().perIp());
        }

        /** Authentication, roles, key scope and the per-user limit of a matched route. */
        void authorize(Context ctx) {
            if (ctx.method() == HandlerType.OPTIONS) {
                return;
            }
            Set<RouteRole> roles = ctx.method() == HandlerType.HEAD ? getRoles.apply(ctx.path()) : ctx.routeRoles();
            if (roles.contains(Access.PUBLIC)) {
                return;
            }
            Principal principal = authenticator.authenticate(ctx);
            ctx.attribute(Requests.PRINCIPAL, principal);
            if (principal.enrolmentOnly() && !roles.contains(Access.ENROLMENT)) {
                throw ApiError.forbidden("enrol a second factor first: POST /api/v1/auth/totp/enrol, then confirm");
            }
            Set<Role> needed = new HashSet<>();
            for (RouteRole role : roles) {
                if (role instanceof Role r) {
                    needed.add(r);
                }
            }
            if (!needed.isEmpty() && needed.stream().noneMatch(principal::has)) {
                throw ApiError.forbidden("this needs the role " + Role.format(needed));
            }
            if (principal.method() == Principal.Method.API_KEY) {
                String path = ctx.path();
                if (path.startsWith("/api/v1/auth/") || path.startsWith("/api/v1/users")
                        || (path.startsWith("/api/v1/api-keys") && Cors.changes(ctx.method()))) {
                    throw ApiError.forbidden("API keys cannot sign in, manage users or manage keys");
                }
                if (principal.keyScope() == KeyScope.READ && Cors.changes(ctx.method())) {
                    throw ApiError.forbidden("this API key may only read");
                }
            }
            Limit limit = principal.has(Role.ADMIN) ? config.limits().perAdmin() : config.limits().perUser();
            limit(ctx, "user:" + principal.username(), limit);
        }

        private void limit(Context ctx, String key, Limit limit) {
            Decision decision = limiter.tryAcquire(key, limit);
            ctx.header("RateLimit-Limit", Long.toString(decision.limit()));
            ctx.header("RateLimit-Remaining", Long.toString(decision.remaining()));
            ctx.header("RateLimit-Reset", Long.toString(decision.resetSeconds()));
            if (!decision.allowed()) {
                throw new ApiError(429, "rate-limited", "Too many requests", "at most " + limit.capacity()
                        + " requests per " + limit.period().toSeconds() + " s (" + limit.name() + ")",
                        java.util.List.of(), java.util.Map.of("retryAfter", decision.retryAfterSeconds()));
            }
        }

        /** Metrics, the audit of changes no handler audited, and the correlation id's end. */
        void finish(Context ctx) {
            Endpoint endpoint = endpointOf(ctx);
            String route = endpoint == null ? "unmatched" : endpoint.path;
            int status = ctx.statusCode();
            try {
                Long started = ctx.attribute(STARTED);
                if (started != null) {
                    long nanos = System.nanoTime() - started;
                    metrics.request(ctx.method().name(), route, status, nanos);
                    if (ACCESS.isInfoEnabled()) {
                        ACCESS.info("{} {} {} {} ms", ctx.method().name(), ctx.path(), status,
                                TimeUnit.NANOSECONDS.toMillis(nanos));
                    }
                }
                // Refused by a rate limit, or aimed at nothing: not recorded, so a flood of them cannot
                // fill the journal (a refused credential, 401 or 403, is).
                if (Cors.changes(ctx.method()) && ctx.path().startsWith("/api/")
                        && ctx.attribute(Requests.AUDITED) == null && status != 429 && status != 404
                        && status != 405) {
                    Caller caller = Requests.caller(ctx);
                    audit.recordAfter(caller.entry(AccountId.SYSTEM, "http." + ctx.method().name().toLowerCase(
                            java.util.Locale.ROOT), ctx.path(), Integer.toString(status), route));
                }
            } finally {
                endTrace(ctx, route, status);
                Correlation.clear();
            }
        }

        private static Endpoint endpointOf(Context ctx) {
            try {
                return ctx.endpoints().matchedHttpEndpoint();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
