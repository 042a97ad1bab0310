package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The risk engine's session record of one account, whole, each time part of it changes: a new
 * session began (with the equity the daily loss is measured from), the daily-loss limit was
 * breached, or the MIS square-off ran. A restart restores it as it was, so it grants no fresh
 * daily-loss allowance.
 *
 * @param sequence          position in the event stream
 * @param time              engine time
 * @param account           the account
 * @param bot               {@link BotId#NONE}
 * @param causationId       0 (the risk engine's own doing)
 * @param tradeDate         the session's IST trade date
 * @param baselineEquity    equity at the session's start, paise
 * @param dailyLossBreached whether the daily-loss limit has been breached this session
 * @param misSquaredOff     whether this session's MIS square-off has run
 */
public record RiskSessionChanged(long sequence, Instant time, AccountId account, BotId bot, long causationId,
                                 LocalDate tradeDate, long baselineEquity, boolean dailyLossBreached,
                                 boolean misSquaredOff) implements Event {
}
