package com.quantdesk.core.audit;

import com.quantdesk.core.domain.AccountId;
import java.util.Objects;

/**
 * What a person or a program did, to be kept in the journal: who, with which roles, on which
 * account, what, and how it ended. The journal's hash chain makes the trail tamper-evident.
 *
 * @param actor         who: a user name, an API key's owner, or the name a failed login gave
 * @param roles         the actor's roles, comma-separated, or empty when unknown
 * @param account       the account concerned, or {@link AccountId#SYSTEM}
 * @param action        what, e.g. {@code auth.login}, {@code order.place}, {@code user.create}
 * @param target        what it was done to (an order id, a user name), or empty
 * @param outcome       how it ended, e.g. {@code ok}, {@code denied RISK_MAX_DAILY_LOSS}, {@code 403}
 * @param ip            the client's address, or empty
 * @param correlationId the request's correlation id, or empty
 * @param detail        anything else worth keeping (never a secret), or empty
 */
public record AuditEntry(String actor, String roles, AccountId account, String action, String target,
                         String outcome, String ip, String correlationId, String detail) {

    /** Validates the entry; absent text becomes empty. */
    public AuditEntry {
        Objects.requireNonNull(account, "account");
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action");
        }
        actor = actor == null ? "" : actor;
        roles = roles == null ? "" : roles;
        target = target == null ? "" : target;
        outcome = outcome == null ? "" : outcome;
        ip = ip == null ? "" : ip;
        correlationId = correlationId == null ? "" : correlationId;
        detail = detail == null ? "" : detail;
    }

    /** The same entry with another outcome. */
    public AuditEntry withOutcome(String newOutcome) {
        return new AuditEntry(actor, roles, account, action, target, newOutcome, ip, correlationId, detail);
    }

    /** The same entry with another target. */
    public AuditEntry withTarget(String newTarget) {
        return new AuditEntry(actor, roles, account, action, newTarget, outcome, ip, correlationId, detail);
    }
}
