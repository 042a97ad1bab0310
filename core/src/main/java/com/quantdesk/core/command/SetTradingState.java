package com.quantdesk.core.command;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.risk.TradingState;
import java.util.Objects;

/**
 * Set the trading state globally ({@link AccountId#SYSTEM}), for one account, or for one bot. A
 * HALTED scope is left only through {@link ResetKillSwitch}.
 *
 * @param account the account, or {@link AccountId#SYSTEM} for the global state
 * @param bot     the bot, or {@link BotId#NONE} for the account (or global) level
 * @param state   the new state
 * @param reason  why, recorded on the change
 * @param actor   who asked (a user name, {@code "risk"}, {@code "system"})
 */
public record SetTradingState(AccountId account, BotId bot, TradingState state, String reason, String actor)
        implements Command {

    /** Validates the command. */
    public SetTradingState {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }

    /** Account-level (or, with {@link AccountId#SYSTEM}, global) state. */
    public SetTradingState(AccountId account, TradingState state, String reason, String actor) {
        this(account, BotId.NONE, state, reason, actor);
    }
}
