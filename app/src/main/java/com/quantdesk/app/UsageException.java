package com.quantdesk.app;

/** A command was given arguments that cannot work; the message says which and why (exit code 2). */
public final class UsageException extends RuntimeException {

    /** An argument problem described by {@code message}. */
    public UsageException(String message) {
        super(message);
    }

    /** An argument problem described by {@code message}, caused by {@code cause}. */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
