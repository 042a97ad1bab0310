package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.time.Instant;

/**
 * A risk setting changed at run time: who changed what from what to what.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account concerned, or {@code _system}
 * @param bot         bot concerned, or {@code _none}
 * @param causationId id of the command
 * @param item        what changed, e.g. {@code limits}, {@code botLimits}, {@code banList}
 * @param previous    the old value as text
 * @param current     the new value as text
 * @param actor       who changed it
 */
public record RiskConfigChanged(long sequence, Instant time, AccountId account, BotId bot, long causationId,
                                String item, String previous, String current, String actor) implements Event {
}
