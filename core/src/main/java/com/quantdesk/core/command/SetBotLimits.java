package com.quantdesk.core.command;

import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.risk.BotLimits;
import java.util.Objects;

/**
 * Set a bot's extra limits.
 *
 * @param bot    the bot
 * @param limits its limits ({@link BotLimits#NONE} to remove them)
 * @param actor  who asked
 */
public record SetBotLimits(BotId bot, BotLimits limits, String actor) implements RiskCommand {

    /** Validates the command. */
    public SetBotLimits {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(limits, "limits");
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
