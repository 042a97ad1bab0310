package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import java.time.Instant;

/**
 * The venue applied a modification to an open order.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param orderId      the order
 * @param quantity     new total quantity
 * @param limitPrice   new limit price, paise (0 when not used)
 * @param triggerPrice new trigger price, paise (0 when not used)
 */
public record OrderModified(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        OrderId orderId, long quantity, long limitPrice, long triggerPrice) implements OrderEvent {
}
