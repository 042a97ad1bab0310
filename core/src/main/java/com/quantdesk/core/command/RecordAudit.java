package com.quantdesk.core.command;

import com.quantdesk.core.audit.AuditEntry;
import java.util.Objects;

/**
 * Keep an audit entry in the journal for something done outside the engine (a login, a user
 * created); it is always accepted.
 *
 * @param entry who did what, and how it ended
 */
public record RecordAudit(AuditEntry entry) implements Command {
    /** Validates the command. */
    public RecordAudit {
        Objects.requireNonNull(entry, "entry");
    }
}
