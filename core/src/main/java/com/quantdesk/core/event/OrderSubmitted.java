package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;

import java.time.Instant;

/**
 * The order passed pre-trade checks and is on its way to the venue (durable before it leaves).
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param order       the order as submitted
 */
public record OrderSubmitted(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        com.quantdesk.core.order.Order order) implements OrderEvent {

    @Override
    public com.quantdesk.core.domain.OrderId orderId() {
        return order.id();
    }
}
