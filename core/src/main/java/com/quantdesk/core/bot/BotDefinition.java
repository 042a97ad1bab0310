package com.quantdesk.core.bot;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a bot is: a strategy by name with its parameters as text, the symbols and bar interval it
 * trades on, and the account it trades for. Journaled when the bot is created, so a restart builds
 * the same bot.
 *
 * @param id       the bot
 * @param account  the account it trades for
 * @param strategy the strategy's catalog name
 * @param params   parameters as text, by name (kept sorted)
 * @param symbols  symbols it takes bars of, at least one
 * @param interval the bar interval it sees
 */
public record BotDefinition(BotId id, AccountId account, String strategy, Map<String, String> params,
                            List<Symbol> symbols, BarInterval interval) {

    /** Validates the definition. */
    public BotDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(strategy, "strategy");
        if (strategy.isBlank()) {
            throw new IllegalArgumentException("bot " + id + ": strategy must not be blank");
        }
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(interval, "interval");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("bot " + id + ": at least one symbol is needed");
        }
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("bot " + id + ": symbols must not repeat");
        }
    }
}
