package com.quantdesk.server.audit;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.auth.Principal;
import java.util.Optional;

/**
 * Who made a request, as the audit trail records it: the authenticated principal if there is one,
 * else the name a login gave, and the client's address and the request's correlation id.
 *
 * @param principal     the authenticated caller, if any
 * @param claimedName   the user name given (a login attempt), if not authenticated
 * @param ip            the client's address
 * @param correlationId the request's correlation id
 */
public record Caller(Optional<Principal> principal, String claimedName, String ip, String correlationId) {

    /** An authenticated caller. */
    public static Caller of(Principal principal, String ip, String correlationId) {
        return new Caller(Optional.of(principal), principal.username(), ip, correlationId);
    }

    /** Someone not (yet) authenticated, giving {@code name}. */
    public static Caller anonymous(String name, String ip, String correlationId) {
        return new Caller(Optional.empty(), name == null ? "" : name, ip, correlationId);
    }

    /** The same request, from someone giving {@code name} (a login attempt). */
    public Caller withName(String name) {
        return new Caller(principal, name, ip, correlationId);
    }

    /** The user name to record. */
    public String actor() {
        return principal.map(Principal::username).orElse(claimedName);
    }

    /** An audit entry of this caller's request. */
    public AuditEntry entry(AccountId account, String action, String target, String outcome, String detail) {
        return new AuditEntry(actor(), principal.map(Principal::roleText).orElse(""), account, action, target,
                outcome, ip, correlationId, detail);
    }
}
