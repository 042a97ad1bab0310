package com.quantdesk.core.event;

import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.time.Instant;

/**
 * A bot was defined; it starts {@link com.quantdesk.core.bot.BotState#STOPPED}.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     the bot's account
 * @param bot         the bot
 * @param causationId id of the command this follows from
 * @param definition  strategy, parameters, symbols and bar interval
 * @param actor       who created it
 */
public record BotCreated(long sequence, Instant time, AccountId account, BotId bot, long causationId,
                         BotDefinition definition, String actor) implements Event {
}
