package com.quantdesk.server.http;

import com.quantdesk.core.engine.CorrelationScope;
import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request carries a correlation id: the client's {@code X-Correlation-Id} (or, from proxies
 * that set one, {@code X-Request-Id}) when it is a short plain token, else a new one. It is on the
 * response, in every log line of the request (MDC key {@value CorrelationScope#MDC_KEY}), in the
 * engine's, journal's and venue's lines for the command the request made, and in the audit record,
 * so one id follows a request everywhere.
 */
public final class Correlation {

    /** The header, on requests and responses. */
    public static final String HEADER = "X-Correlation-Id";
    /** The header many proxies and load balancers set; accepted when {@link #HEADER} is absent, and echoed. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "qd.correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Correlation() {
    }

    /** Assigns the request its id (first thing on every request). */
    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String requestId = ctx.header(REQUEST_ID_HEADER);
        if (given == null) {
            given = requestId;
        }
        String id = given != null && ACCEPTED.matcher(given).matches() ? given
                : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        if (requestId != null) {
            ctx.header(REQUEST_ID_HEADER, id);
        }
        MDC.put(CorrelationScope.MDC_KEY, id);
    }

    /** The request's id. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "" : id;
    }

    /** Clears the log context after the request. */
    public static void clear() {
        MDC.remove(CorrelationScope.MDC_KEY);
    }
}
