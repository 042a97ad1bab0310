package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;

import java.time.Instant;

/**
 * Our pre-trade risk refused the order; it never reached a venue.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param order       the order as denied
 * @param reasonCode  stable reason code, e.g. {@code RISK_MAX_ORDER_VALUE}
 * @param message     human-readable detail
 * @param limit       the configured limit that was hit (0 when not numeric)
 * @param attempted   the value the order would have reached (0 when not numeric)
 */
public record OrderDenied(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        com.quantdesk.core.order.Order order, String reasonCode, String message, long limit, long attempted) implements OrderEvent {

    @Override
    public com.quantdesk.core.domain.OrderId orderId() {
        return order.id();
    }
}
