package com.quantdesk.store.journal;

/**
 * The journal does not verify: a row's MAC does not match its content, a row does not chain to the
 * one before, or the chain was made with another key. Nothing should trade on such a journal.
 */
public final class BrokenJournalException extends JournalException {

    /** A broken journal, described for a person. */
    public BrokenJournalException(String message) {
        super(message, null);
    }
}
