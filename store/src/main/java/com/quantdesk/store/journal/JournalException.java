package com.quantdesk.store.journal;

/** The journal cannot do what was asked: its database failed, or its table is not what it wrote. */
public class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public JournalException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
