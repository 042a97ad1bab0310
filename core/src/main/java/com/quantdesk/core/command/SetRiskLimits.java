package com.quantdesk.core.command;

import com.quantdesk.core.domain.AccountId;
import java.util.Map;
import java.util.Objects;

/**
 * Change some of an account's risk limits, by configuration key (see {@code RiskLimits}).
 *
 * @param account the account
 * @param changes key → new value as text (money in rupees)
 * @param actor   who asked
 */
public record SetRiskLimits(AccountId account, Map<String, String> changes, String actor) implements RiskCommand {

    /** Validates and copies the command. */
    public SetRiskLimits {
        Objects.requireNonNull(account, "account");
        changes = Map.copyOf(changes);
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
