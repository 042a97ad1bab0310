package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import java.time.Instant;

/**
 * We asked the venue to cancel an order. The order stays open until the venue confirms
 * ({@link OrderCancelled}) or fills it first; a restart in between sends the cancel again instead
 * of putting the order back to work.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId the order id
 * @param orderId     the order
 * @param reason      why (a user's cancel, a kill switch, a bot stopping...)
 */
public record OrderCancelRequested(long sequence, Instant time, AccountId account, BotId bot, long causationId,
                                   OrderId orderId, String reason) implements OrderEvent {
}
