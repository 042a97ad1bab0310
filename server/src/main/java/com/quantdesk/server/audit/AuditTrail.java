package com.quantdesk.server.audit;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.command.RecordAudit;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.trading.EngineAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit entries to the hash-chained journal, through the engine (the journal's single
 * writer) and waiting until each is durable. Entries for engine commands are written by the command
 * itself, in the same step; this is for everything else (logins, tokens, users, keys).
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final EngineAccess engine;

    /** @param engine the engine's inbox and journal */
    public AuditTrail(EngineAccess engine) {
        this.engine = engine;
    }

    /**
     * Records an entry and waits until it is durable.
     *
     * @throws ApiError 503 when the journal cannot confirm it
     */
    public void record(AuditEntry entry) {
        engine.change(e -> e.execute(new RecordAudit(entry)));
    }

    /**
     * Records an entry about something already done; if the journal cannot take it, the failure is
     * logged (with the entry) rather than thrown, since the answer to the request must not lie.
     */
    public void recordAfter(AuditEntry entry) {
        try {
            record(entry);
        } catch (ApiError e) {
            LOG.error("audit entry not journaled ({}): {}", e.getMessage(), entry);
        }
    }
}
