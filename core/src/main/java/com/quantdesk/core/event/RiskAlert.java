package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.time.Instant;

/**
 * Risk saw something an operator must know: a daily-loss breach, a reject spike, stale market data,
 * a kill switch, an automatic square-off.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account concerned, or {@code _system}
 * @param bot         bot concerned, or {@code _none}
 * @param causationId id of the command this follows from (0 when raised by a timer or market data)
 * @param code        stable alert code, e.g. {@code RISK_MAX_DAILY_LOSS}
 * @param message     what happened, with the numbers
 */
public record RiskAlert(long sequence, Instant time, AccountId account, BotId bot, long causationId, String code,
                        String message) implements Event {
}
