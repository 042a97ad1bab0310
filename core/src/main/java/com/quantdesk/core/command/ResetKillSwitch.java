package com.quantdesk.core.command;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.util.Objects;

/**
 * Leave HALTED: the scope returns to ACTIVE.
 *
 * @param account {@link AccountId#SYSTEM} for the global state, or one account
 * @param bot     {@link BotId#NONE}, or one bot
 * @param reason  why it is safe again
 * @param actor   who reset it
 */
public record ResetKillSwitch(AccountId account, BotId bot, String reason, String actor) implements Command {

    /** Validates the command. */
    public ResetKillSwitch {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bot, "bot");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reset needs a reason");
        }
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
