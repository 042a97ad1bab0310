package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;

/**
 * Some or all of the order traded.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param orderId        the order
 * @param fillId         the venue's trade id
 * @param symbol         instrument
 * @param side           buy or sell
 * @param product        CNC or MIS
 * @param quantity       shares in this fill
 * @param price          fill price, paise
 * @param charges        charges booked for this fill, paise
 * @param filledQuantity the order's cumulative filled quantity after this fill
 * @param remaining      quantity still open on the order
 */
public record OrderFilled(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        OrderId orderId, String fillId, Symbol symbol, Side side, Product product, long quantity, long price,
        long charges, long filledQuantity, long remaining) implements OrderEvent {
}
