package com.quantdesk.core.event;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.time.Instant;

/**
 * Someone did something worth an audit trail: a login attempt, a token event, a state-changing
 * request. It changes no trading state; it is journaled in the same step as what it describes, so
 * an order and the request that placed it are durable together or not at all.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account concerned, or {@code _system}
 * @param bot         bot concerned, or {@code _none}
 * @param causationId id of the command
 * @param entry       who did what, and how it ended
 */
public record AuditRecorded(long sequence, Instant time, AccountId account, BotId bot, long causationId,
                            AuditEntry entry) implements Event {
}
