package com.quantdesk.kite.rest;

import java.time.Duration;

/**
 * A failed Kite call, typed by Kite's {@code error_type} (kite-connect.md A.3), plus the failures
 * this client raises itself before anything is sent (rate limit, open circuit).
 *
 * <p>How to react is in {@link #disposition()}: a {@link TokenException} is fatal (the session is
 * gone: halt live trading and ask for a new login); a {@link NetworkException} (Kite's own, a 429,
 * a 5xx without an envelope, a timeout, a broken connection) is retryable; everything else is not.
 */
public sealed abstract class KiteException extends RuntimeException {

    /** What a caller may do after the failure. */
    public enum Disposition {
        /** The same call may succeed later (reads are retried by the transport). */
        RETRYABLE,
        /** Retrying the same call gives the same answer. */
        NOT_RETRYABLE,
        /** The session is unusable: log in again. */
        FATAL
    }

    /** HTTP status of "no answer at all" (timeout, connection failure, not sent). */
    public static final int NO_STATUS = 0;

    private final int httpStatus;
    private final String errorType;

    private KiteException(String errorType, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
    }

    /** Kite's {@code error_type}, or this client's name for a failure Kite did not type. */
    public String errorType() {
        return errorType;
    }

    /** The HTTP status of the answer, or {@link #NO_STATUS} when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Retryable, not retryable or fatal. */
    public abstract Disposition disposition();

    /** Whether {@link #disposition()} is {@link Disposition#RETRYABLE}. */
    public boolean isRetryable() {
        return disposition() == Disposition.RETRYABLE;
    }

    /**
     * Whether the request may have reached Kite without its answer reaching us: no answer at all,
     * or a 5xx. After such a failure an order call's effect is unknown until it is looked up.
     */
    public boolean isOutcomeUnknown() {
        return (httpStatus == NO_STATUS && !(this instanceof LocalRejection)) || httpStatus >= 500;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + errorType + ", HTTP " + httpStatus + "]: " + getMessage();
    }

    /**
     * The exception for an error envelope; an unknown {@code error_type} becomes a
     * {@link GeneralException}.
     */
    public static KiteException of(String errorType, int httpStatus, String message) {
        String type = errorType == null ? "GeneralException" : errorType;
        return switch (type) {
            case "TokenException" -> new TokenException(httpStatus, message);
            case "NetworkException" -> new NetworkException(type, httpStatus, message, null);
            case "InputException" -> new InputException(httpStatus, message);
            case "OrderException" -> new OrderException(httpStatus, message);
            case "PermissionException" -> new PermissionException(httpStatus, message);
            case "MarginException" -> new MarginException(httpStatus, message);
            case "HoldingException" -> new HoldingException(httpStatus, message);
            case "UserException" -> new UserException(httpStatus, message);
            case "DataException" -> new DataException(type, httpStatus, message);
            default -> new GeneralException(type, httpStatus, message);
        };
    }

    /** The session expired or was invalidated: fatal, log in again. */
    public static final class TokenException extends KiteException {
        TokenException(int httpStatus, String message) {
            super("TokenException", httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.FATAL;
        }
    }

    /**
     * Kite could not reach its OMS, rate-limited us (429), or answered 5xx without an envelope; or
     * the request timed out or its connection failed. Retryable.
     */
    public static final class NetworkException extends KiteException {
        NetworkException(String errorType, int httpStatus, String message, Throwable cause) {
            super(errorType, httpStatus, message, cause);
        }

        @Override
        public Disposition disposition() {
            return Disposition.RETRYABLE;
        }
    }

    /** Missing or invalid parameters. */
    public static final class InputException extends KiteException {
        InputException(int httpStatus, String message) {
            super("InputException", httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /** An order could not be placed, modified or fetched. */
    public static final class OrderException extends KiteException {
        OrderException(int httpStatus, String message) {
            super("OrderException", httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /** The call is not permitted for this app or user. */
    public static final class PermissionException extends KiteException {
        PermissionException(int httpStatus, String message) {
            super("PermissionException", httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /** Not enough funds for the order. */
    public static final class MarginException extends KiteException {
        MarginException(int httpStatus, String message) {
            super("MarginException", httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /** Not enough holdings for a sell. */
    public static final class HoldingException extends KiteException {
        HoldingException(int httpStatus, String message) {
            super("HoldingException", httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /** A problem with the user's account. */
    public static final class UserException extends KiteException {
        UserException(int httpStatus, String message) {
            super("UserException", httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /**
     * Kite could not understand its OMS's answer, or we could not understand Kite's (empty, not
     * JSON, missing fields, malformed values).
     */
    public static final class DataException extends KiteException {
        DataException(String errorType, int httpStatus, String message) {
            super(errorType, httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /** Unclassified, including an unknown {@code error_type}. */
    public static final class GeneralException extends KiteException {
        GeneralException(String errorType, int httpStatus, String message) {
            super(errorType, httpStatus, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /** A call this client refused before sending it: it certainly did not reach Kite. */
    public abstract static sealed class LocalRejection extends KiteException {
        private LocalRejection(String errorType, String message) {
            super(errorType, NO_STATUS, message, null);
        }

        @Override
        public Disposition disposition() {
            return Disposition.NOT_RETRYABLE;
        }
    }

    /** The client-side rate limit would be exceeded by more than the caller may wait. */
    public static final class RateLimitExceededException extends LocalRejection {
        private final EndpointClass endpointClass;
        private final Duration wait;

        RateLimitExceededException(EndpointClass endpointClass, Duration wait) {
            super("ClientRateLimit", "rate limit of " + endpointClass + " would be exceeded; next permit in " + wait);
            this.endpointClass = endpointClass;
            this.wait = wait;
        }

        /** The limited endpoint class. */
        public EndpointClass endpointClass() {
            return endpointClass;
        }

        /** How long until a permit would be free. */
        public Duration waitNeeded() {
            return wait;
        }
    }

    /** The endpoint class's circuit breaker is open. */
    public static final class CircuitOpenException extends LocalRejection {
        private final EndpointClass endpointClass;

        CircuitOpenException(EndpointClass endpointClass) {
            super("CircuitOpen", "circuit of " + endpointClass + " is open after repeated failures");
            this.endpointClass = endpointClass;
        }

        /** The endpoint class whose breaker is open. */
        public EndpointClass endpointClass() {
            return endpointClass;
        }
    }

    static NetworkException network(int httpStatus, String message, Throwable cause) {
        String type = cause instanceof java.net.http.HttpTimeoutException ? "Timeout" : "NetworkException";
        return new NetworkException(type, httpStatus, message, cause);
    }

    static DataException data(int httpStatus, String message) {
        return new DataException("DataException", httpStatus, message);
    }

    static GeneralException general(int httpStatus, String message) {
        return new GeneralException("GeneralException", httpStatus, message);
    }
}
