package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A symbol's last price of a trade date, recorded once the session is over (or the next day's first
 * bar arrived). It is the next session's reference for the price band, and a restart marks open
 * positions at it, since bars themselves are not journaled.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     {@link AccountId#SYSTEM}
 * @param bot         {@link BotId#NONE}
 * @param causationId 0 (the risk engine's own doing)
 * @param symbol      the symbol
 * @param tradeDate   the IST trade date the price closed
 * @param close       the last close seen that day, paise
 */
public record ClosingPriceRecorded(long sequence, Instant time, AccountId account, BotId bot, long causationId,
                                   Symbol symbol, LocalDate tradeDate, long close) implements Event {
}
