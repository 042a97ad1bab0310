package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.time.Instant;

/**
 * An account was opened with its starting cash.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     the account
 * @param bot         {@link BotId#NONE}
 * @param causationId id of the command this follows from
 * @param initialCash starting cash, paise
 */
public record AccountOpened(long sequence, Instant time, AccountId account, BotId bot, long causationId,
                            long initialCash) implements Event {
}
