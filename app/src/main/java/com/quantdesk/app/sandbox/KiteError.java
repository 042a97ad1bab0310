package com.quantdesk.app.sandbox;

/**
 * A failure answered in Kite's error envelope {@code {"status":"error","message":…,"error_type":…}}
 * with the HTTP status Kite sends for that error type (kite-connect.md A.3).
 */
final class KiteError extends RuntimeException {

    private final String errorType;
    private final int httpStatus;

    KiteError(String errorType, int httpStatus, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
    }

    /** Session expired or invalid, or the login checksum is wrong: 403. */
    static KiteError token(String message) {
        return new KiteError("TokenException", 403, message);
    }

    /** Missing or invalid parameters: 400. */
    static KiteError input(String message) {
        return new KiteError("InputException", 400, message);
    }

    /** An order cannot be placed, changed or found in the state asked for: 400. */
    static KiteError order(String message) {
        return new KiteError("OrderException", 400, message);
    }

    /** The call is not permitted: 403. */
    static KiteError permission(String message) {
        return new KiteError("PermissionException", 403, message);
    }

    /** Unclassified, or a route that does not exist (with its own status). */
    static KiteError general(int status, String message) {
        return new KiteError("GeneralException", status, message);
    }

    /** Kite's rate-limit answer: a NetworkException with 429. */
    static KiteError tooManyRequests() {
        return new KiteError("NetworkException", 429, "Too many requests");
    }

    /** A server-side failure of the given 5xx status, typed as Kite types it. */
    static KiteError serverFailure(int status) {
        return switch (status) {
            case 502 -> new KiteError("DataException", 502, "Unknown content type received from the OMS");
            case 503, 504 -> new KiteError("NetworkException", status, "Gateway timed out while reaching the OMS");
            default -> new KiteError("GeneralException", status, "An unexpected error occurred");
        };
    }

    /** The {@code error_type} value. */
    String errorType() {
        return errorType;
    }

    /** The HTTP status of the answer. */
    int httpStatus() {
        return httpStatus;
    }
}
