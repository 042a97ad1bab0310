package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import java.time.Instant;

/**
 * The venue acknowledged the order.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param orderId      the order
 * @param venueOrderId the venue's id for it
 */
public record OrderAccepted(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        OrderId orderId, String venueOrderId) implements OrderEvent {
}
