package com.quantdesk.core.command;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.util.Objects;

/**
 * The kill switch: HALT the scope, cancel every open order in it and, optionally, flatten every
 * position with market orders. Leaving HALTED takes a {@link ResetKillSwitch}.
 *
 * @param account {@link AccountId#SYSTEM} for everything, or one account
 * @param bot     {@link BotId#NONE}, or one bot of the account
 * @param reason  why, recorded on every event it causes
 * @param flatten whether to close positions with market orders
 * @param actor   who pulled it
 */
public record ActivateKillSwitch(AccountId account, BotId bot, String reason, boolean flatten, String actor)
        implements Command {

    /** Validates the command. */
    public ActivateKillSwitch {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bot, "bot");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a kill switch needs a reason");
        }
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
