package com.quantdesk.server.notify;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.trading.Alerts;
import java.util.Objects;
import java.util.Set;

/**
 * A user's wish to hear through a channel of notifications at least as severe as {@code minSeverity}
 * (CRITICAL is the most severe) concerning the given accounts. A user only ever hears of accounts
 * granted to them, whatever this lists; system-wide notifications reach every subscriber.
 *
 * @param channelId   the channel
 * @param minSeverity the least severe notification wanted
 * @param accounts    the accounts wanted; empty for every account granted to the user
 */
public record Subscription(String channelId, Alerts.Severity minSeverity, Set<AccountId> accounts) {

    /** Validates and copies. */
    public Subscription {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(minSeverity, "minSeverity");
        accounts = Set.copyOf(accounts);
    }

    /** Whether every granted account is wanted. */
    public boolean allAccounts() {
        return accounts.isEmpty();
    }

    /** Whether a notification of {@code severity} is severe enough. */
    public boolean admits(Alerts.Severity severity) {
        // Declaration order runs from the most severe (CRITICAL) to the least (INFO).
        return severity.ordinal() <= minSeverity.ordinal();
    }
}
