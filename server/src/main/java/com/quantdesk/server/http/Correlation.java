package com.quantdesk.server.http;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request carries a correlation id: the client's {@code X-Correlation-Id} when it is a short
 * plain token, else a new one. It is on the response, in every log line of the request (MDC key
 * {@code correlationId}) and in the audit record, so one id follows a request everywhere.
 */
public final class Correlation {

    /** The header, on requests and responses. */
    public static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = "qd.correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Correlation() {
    }

    /** Assigns the request its id (first thing on every request). */
    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given
                : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put("correlationId", id);
    }

    /** The request's id. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "" : id;
    }

    /** Clears the log context after the request. */
    public static void clear() {
        MDC.remove("correlationId");
    }
}
