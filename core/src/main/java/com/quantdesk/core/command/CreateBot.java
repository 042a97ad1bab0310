package com.quantdesk.core.command;

import com.quantdesk.core.bot.BotDefinition;
import java.util.Objects;

/**
 * Define a bot; it is created stopped. Its strategy is built from the definition by the engine's
 * strategy factory, so a strategy that cannot be built is refused before anything is journaled.
 *
 * @param definition strategy, parameters, symbols, interval and account
 * @param actor      who asked
 */
public record CreateBot(BotDefinition definition, String actor) implements Command {

    /** Validates the command. */
    public CreateBot {
        Objects.requireNonNull(definition, "definition");
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
