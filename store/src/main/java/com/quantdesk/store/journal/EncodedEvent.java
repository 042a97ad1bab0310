package com.quantdesk.store.journal;

import java.util.Objects;

/**
 * One event as the journal stores it: the envelope in columns, the rest as canonical JSON.
 *
 * @param sequence    position in the event stream
 * @param time        engine time as ISO-8601 ({@link java.time.Instant#toString()})
 * @param type        event type name, e.g. {@code OrderFilled}
 * @param account     account id text
 * @param bot         bot id text
 * @param causationId id of the command the event follows from
 * @param payload     the type-specific fields as canonical JSON (fixed field order, no spaces, paise as integers)
 */
public record EncodedEvent(long sequence, String time, String type, String account, String bot, long causationId,
                           String payload) {

    /** Validates that no field is missing. */
    public EncodedEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(payload, "payload");
    }
}
