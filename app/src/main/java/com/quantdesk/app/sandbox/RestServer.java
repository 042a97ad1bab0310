package com.quantdesk.app.sandbox;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's Kite REST API on Javalin: every route of A.4 the sandbox serves, behind the fault
 * switches, {@code X-Kite-Version: 3} and the {@code Authorization: token api_key:access_token}
 * check, with every failure answered in Kite's error envelope. The admin routes under
 * {@code /sandbox} skip faults and authentication.
 */
final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String FAULT = "kite-sandbox-fault";
    private static final Set<String> PUBLIC = Set.of("/connect/login", "/session/token");

    private final FaultSwitches faults;
    private final Sessions sessions;
    private final Javalin app;

    RestServer(SandboxConfig config, FaultSwitches faults, Sessions sessions, SessionRoutes sessionRoutes,
               OrderRoutes orderRoutes, MarketRoutes marketRoutes, AdminRoutes adminRoutes) {
        this.faults = faults;
        this.sessions = sessions;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.prefer405over404 = true;
            cfg.jetty.host = config.bind();
            cfg.jetty.port = config.restPort();
            cfg.routes.before(this::before);
            cfg.routes.after(this::after);
            sessionRoutes.register(cfg.routes);
            orderRoutes.register(cfg.routes);
            marketRoutes.register(cfg.routes);
            adminRoutes.register(cfg.routes);
            cfg.routes.exception(KiteError.class, (e, ctx) -> write(ctx, e));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("sandbox request {} {} failed", ctx.method(), ctx.path(), e);
                write(ctx, KiteError.general(500, "An unexpected error occurred: " + e.getMessage()));
            });
            cfg.routes.error(404, "*", ctx -> write(ctx, KiteError.general(404, "Route not found")));
            cfg.routes.error(405, "*", ctx -> write(ctx, KiteError.general(405, "Method not allowed")));
        });
    }

    /** Starts listening. */
    void start() {
        app.start();
    }

    /** The port it listens on. */
    int port() {
        return app.port();
    }

    private void before(Context ctx) throws InterruptedException {
        if (ctx.path().startsWith("/sandbox/")) {
            return;
        }
        faults.delay();
        FaultSwitches.Outcome outcome = faults.draw();
        boolean after = faults.isAfterHandling();
        switch (outcome) {
            case TOO_MANY_REQUESTS -> throw KiteError.tooManyRequests();
            case SERVER_ERROR -> {
                if (!after) {
                    throw KiteError.serverFailure(faults.serverErrorStatus());
                }
                ctx.attribute(FAULT, outcome);
            }
            case HANG -> {
                if (!after) {
                    faults.hang();
                    throw KiteError.serverFailure(504);
                }
                ctx.attribute(FAULT, outcome);
            }
            case PASS -> {
            }
        }
        if (ctx.path().equals("/connect/login")) {
            return;
        }
        if (!"3".equals(ctx.header("X-Kite-Version"))) {
            throw KiteError.input("Missing or unsupported `X-Kite-Version` header: send 3.");
        }
        // Logout names its session in the query; every other route but the login needs the header.
        if (!PUBLIC.contains(ctx.path())) {
            sessions.authorize(ctx.header("Authorization"));
        }
    }

    /** A fault that comes after the request was carried out: its answer is lost. */
    private void after(Context ctx) throws InterruptedException {
        FaultSwitches.Outcome outcome = ctx.attribute(FAULT);
        if (outcome == FaultSwitches.Outcome.SERVER_ERROR) {
            write(ctx, KiteError.serverFailure(faults.serverErrorStatus()));
        } else if (outcome == FaultSwitches.Outcome.HANG) {
            faults.hang();
            write(ctx, KiteError.serverFailure(504));
        }
    }

    /**
     * Writes an error answer. Never throws: when the client is gone (it timed out during a hang) the
     * response can no longer be changed, and an exception handler that threw would make Javalin hand
     * its own exception back to the handlers again and again, spinning a carrier thread for good.
     */
    private static void write(Context ctx, KiteError error) {
        try {
            ctx.status(error.httpStatus()).contentType("application/json").result(KiteJson.error(error));
        } catch (RuntimeException gone) {
            LOG.debug("answer to {} {} not written, the exchange is over: {}", ctx.method(), ctx.path(),
                    gone.toString());
        }
    }

    /** Answers {@code {"status":"success","data":…}}. */
    static void success(Context ctx, Object data) {
        ctx.contentType("application/json").result(KiteJson.success(data));
    }

    @Override
    public void close() {
        app.stop();
    }
}
