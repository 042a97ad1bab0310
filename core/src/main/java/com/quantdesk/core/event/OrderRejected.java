package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import java.time.Instant;

/**
 * The venue refused the order.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param orderId     the order
 * @param reasonCode  stable reason code, e.g. {@code VENUE_TICK_SIZE}
 * @param message     the venue's explanation
 */
public record OrderRejected(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        OrderId orderId, String reasonCode, String message) implements OrderEvent {
}
