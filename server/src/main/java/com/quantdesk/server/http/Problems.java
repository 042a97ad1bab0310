package com.quantdesk.server.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every failure as {@code application/problem+json}. An {@link ApiError} is written as it
 * is; an unexpected exception is logged with its correlation id and answered with a bare 500 that
 * names only that id, so nothing internal reaches the client.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /** The media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:quantdesk:problem:";

    private Problems() {
    }

    /** Writes {@code error} as the answer. */
    public static void write(Context ctx, ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + error.type());
        body.put("title", error.title());
        body.put("status", error.status());
        body.put("detail", error.getMessage());
        body.put("instance", ctx.path());
        body.put("correlationId", Correlation.of(ctx));
        if (!error.errors().isEmpty()) {
            List<Map<String, String>> fields = new ArrayList<>();
            for (ApiError.FieldError field : error.errors()) {
                fields.add(Map.of("field", field.field(), "message", field.message()));
            }
            body.put("errors", fields);
        }
        error.extra().forEach(body::putIfAbsent);
        if (error.extra().get("retryAfter") instanceof Number seconds) {
            ctx.header("Retry-After", Long.toString(seconds.longValue()));
        }
        ctx.status(error.status());
        ctx.contentType(MEDIA_TYPE);
        ctx.result(Json.write(body));
    }

    /** Javalin's own HTTP exceptions (413 body too large, 405...), as problems. */
    public static void write(Context ctx, HttpResponseException e) {
        int status = e.getStatus();
        String detail = switch (status) {
            case 413 -> "the request body is larger than the server accepts";
            case 405 -> "this method is not allowed on " + ctx.path();
            case 404 -> "no such resource: " + ctx.path();
            case 400 -> "the request is malformed";
            default -> e.getMessage() == null ? "request failed" : e.getMessage();
        };
        String type = switch (status) {
            case 413 -> "too-large";
            case 405 -> "method-not-allowed";
            case 404 -> "not-found";
            default -> "http-" + status;
        };
        write(ctx, new ApiError(status, type, title(status), detail, List.of(), Map.of()));
    }

    /** An exception nobody expected: logged in full here, answered with the correlation id only. */
    public static void unexpected(Context ctx, Exception e) {
        LOG.error("request {} {} failed [correlation {}]", ctx.method(), ctx.path(), Correlation.of(ctx), e);
        write(ctx, new ApiError(500, "internal", "Internal error", "the server failed to answer; quote correlation id "
                + Correlation.of(ctx) + " when reporting it", List.of(), Map.of()));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            default -> "HTTP " + status;
        };
    }
}
