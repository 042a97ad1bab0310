package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;

/**
 * A fill moved a position.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param symbol       instrument
 * @param product      CNC or MIS
 * @param quantity     net quantity after the fill (negative when short)
 * @param costBasis    signed cost of the open quantity, paise
 * @param averagePrice average open price, paise, rounded half-even (0 when flat)
 * @param realizedPnl  realized P&amp;L of this position so far, before charges, paise
 */
public record PositionChanged(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        Symbol symbol, Product product, long quantity, long costBasis, long averagePrice, long realizedPnl) implements Event {
}
