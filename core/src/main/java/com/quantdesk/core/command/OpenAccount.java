package com.quantdesk.core.command;

import com.quantdesk.core.domain.AccountId;
import java.util.Objects;

/**
 * Open an account with starting cash; journaled, so a restart opens it with the same cash whatever
 * a configuration file says later.
 *
 * @param account     the account
 * @param initialCash starting cash, paise, not negative
 * @param actor       who asked
 */
public record OpenAccount(AccountId account, long initialCash, String actor) implements Command {

    /** Validates the command. */
    public OpenAccount {
        Objects.requireNonNull(account, "account");
        if (initialCash < 0) {
            throw new IllegalArgumentException("initial cash must not be negative, was " + initialCash);
        }
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
