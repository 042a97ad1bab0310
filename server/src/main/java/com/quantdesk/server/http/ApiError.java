package com.quantdesk.server.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An answer other than success, as RFC 9457 problem details: an HTTP status, a stable problem type,
 * a title, a detail for a person and, for bad input, the fields at fault. Thrown anywhere below a
 * handler and written once by {@link Problems}; its text is shown to the client, so it never carries
 * an internal detail (a stack trace, SQL, a file path).
 */
public final class ApiError extends RuntimeException {

    /** One field at fault in a request. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extra;

    /**
     * @param status HTTP status
     * @param type   stable problem slug, e.g. {@code validation}, {@code risk-denied}
     * @param title  short summary of the problem type
     * @param detail what happened this time
     * @param errors the fields at fault (may be empty)
     * @param extra  further members of the problem object (reason codes, numbers)
     */
    public ApiError(int status, String type, String title, String detail, List<FieldError> errors,
                    Map<String, Object> extra) {
        super(detail, null, false, false);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
        this.extra = Map.copyOf(extra);
    }

    /** 400: the request is malformed or a field is invalid. */
    public static ApiError invalid(String detail, List<FieldError> errors) {
        return new ApiError(400, "validation", "Invalid request", detail, errors, Map.of());
    }

    /** 400 naming one field. */
    public static ApiError invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 401: no credentials, or credentials that are not accepted. */
    public static ApiError unauthenticated(String detail) {
        return new ApiError(401, "unauthenticated", "Authentication required", detail, List.of(), Map.of());
    }

    /** 403: authenticated, but not allowed to do this. */
    public static ApiError forbidden(String detail) {
        return new ApiError(403, "forbidden", "Forbidden", detail, List.of(), Map.of());
    }

    /** 404: no such thing, or one the caller may not know exists. */
    public static ApiError notFound(String detail) {
        return new ApiError(404, "not-found", "Not found", detail, List.of(), Map.of());
    }

    /** 409: the thing is not in a state that allows this. */
    public static ApiError conflict(String detail) {
        return new ApiError(409, "conflict", "Conflict", detail, List.of(), Map.of());
    }

    /** 422: understood, and refused by a business rule. */
    public static ApiError refused(String type, String title, String detail, Map<String, Object> extra) {
        return new ApiError(422, type, title, detail, List.of(), extra);
    }

    /** 503: a dependency (the database, Redis, the engine) cannot answer; nothing was done. */
    public static ApiError unavailable(String detail) {
        return new ApiError(503, "unavailable", "Service unavailable", detail, List.of(), Map.of());
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Stable problem slug. */
    public String type() {
        return type;
    }

    /** Short summary of the problem type. */
    public String title() {
        return title;
    }

    /** The fields at fault. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Further members of the problem object. */
    public Map<String, Object> extra() {
        return extra;
    }
}
