package com.quantdesk.store.backup;

/** A backup cannot be made, read, verified or restored; the message says which and why. */
public final class BackupException extends RuntimeException {

    /** A failure described by {@code message}. */
    public BackupException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
