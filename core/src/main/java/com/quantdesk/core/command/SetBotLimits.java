package com.quantdesk.core.command;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.util.Map;
import java.util.Objects;

/**
 * Change some of a bot's extra limits, by configuration key (see {@code BotLimits}); 0 lets the
 * account's limit apply again. The bot must be one of the account's (not deleted).
 *
 * @param account the bot's account
 * @param bot     the bot
 * @param changes key → new value as text (money in rupees)
 * @param actor   who asked
 */
public record SetBotLimits(AccountId account, BotId bot, Map<String, String> changes, String actor)
        implements RiskCommand {

    /** Validates and copies the command. */
    public SetBotLimits {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bot, "bot");
        changes = Map.copyOf(changes);
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
