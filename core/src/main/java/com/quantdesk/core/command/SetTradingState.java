package com.quantdesk.core.command;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.risk.TradingState;
import java.util.Objects;

/**
 * Set the trading state of the whole engine ({@link AccountId#SYSTEM}) or of one account.
 *
 * @param account the account, or {@link AccountId#SYSTEM} for the global state
 * @param state   the new state
 * @param reason  why, recorded on the change
 * @param actor   who asked (a user name, {@code "risk"}, {@code "system"})
 */
public record SetTradingState(AccountId account, TradingState state, String reason, String actor) implements Command {

    /** Validates the command. */
    public SetTradingState {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
