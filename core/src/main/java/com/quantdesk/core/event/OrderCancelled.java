package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import java.time.Instant;

/**
 * The order is cancelled; what was unfilled will not trade.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param orderId     the order
 * @param remaining   quantity that was still open
 * @param reason      why (requested, expired, IOC remainder, kill switch...)
 */
public record OrderCancelled(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        OrderId orderId, long remaining, String reason) implements OrderEvent {
}
