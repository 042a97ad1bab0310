package com.quantdesk.core.risk;

import com.quantdesk.core.command.RiskCommand;
import com.quantdesk.core.command.SetBanList;
import com.quantdesk.core.command.SetBotLimits;
import com.quantdesk.core.command.SetRiskLimits;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.RiskHook;
import com.quantdesk.core.event.RiskConfigChanged;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The risk engine's configuration: default limits, each account's, each bot's extra limits and the
 * F&amp;O ban list. It changes at run time only through commands, each described as a
 * {@link RiskHook.Change} that the engine journals, and a restart applies the journaled changes again.
 * Engine thread only.
 */
final class RiskConfiguration {

    private final RiskLimits defaults;
    private final Map<AccountId, RiskLimits> limits = new HashMap<>();
    private final Map<BotId, BotLimits> botLimits = new HashMap<>();
    private Set<Symbol> banned = Set.of();

    RiskConfiguration(RiskLimits defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    void setLimits(AccountId account, RiskLimits accountLimits) {
        limits.put(account, Objects.requireNonNull(accountLimits, "accountLimits"));
    }

    void setBotLimits(BotId bot, BotLimits extra) {
        botLimits.put(bot, Objects.requireNonNull(extra, "extra"));
    }

    void setBanList(Set<Symbol> symbols) {
        banned = Set.copyOf(symbols);
    }

    RiskLimits limits(AccountId account) {
        return limits.getOrDefault(account, defaults);
    }

    BotLimits botLimits(BotId bot) {
        return botLimits.getOrDefault(bot, BotLimits.NONE);
    }

    Set<Symbol> banList() {
        return banned;
    }

    /** The strictest non-zero freshness any account asks for; market data is shared, so one alarm serves all. */
    Duration staleDataAfter() {
        Duration strictest = defaults.staleDataAfter();
        for (RiskLimits l : limits.values()) {
            Duration d = l.staleDataAfter();
            if (!d.isZero() && (strictest.isZero() || d.compareTo(strictest) < 0)) {
                strictest = d;
            }
        }
        return strictest;
    }

    /**
     * Applies a configuration command.
     *
     * @throws IllegalArgumentException when the command is invalid (nothing changes)
     */
    RiskHook.Change apply(RiskCommand command) {
        return switch (command) {
            case SetRiskLimits s -> {
                RiskLimits before = limits(s.account());
                RiskLimits after = before.with(s.changes());
                limits.put(s.account(), after);
                Map<String, String> old = new TreeMap<>();
                Map<String, String> now = new TreeMap<>();
                Map<String, String> a = before.toMap();
                after.toMap().forEach((k, v) -> {
                    if (!v.equals(a.get(k))) {
                        old.put(k, a.get(k));
                        now.put(k, v);
                    }
                });
                yield new RiskHook.Change(s.account(), BotId.NONE, "limits", pairs(old), pairs(now));
            }
            case SetBotLimits b -> {
                BotLimits before = botLimits(b.bot());
                botLimits.put(b.bot(), b.limits());
                yield new RiskHook.Change(AccountId.SYSTEM, b.bot(), "botLimits", pairs(botLimitsMap(before)),
                        pairs(botLimitsMap(b.limits())));
            }
            case SetBanList b -> {
                Set<Symbol> before = banned;
                banned = Set.copyOf(b.symbols());
                yield new RiskHook.Change(AccountId.SYSTEM, BotId.NONE, "banList", symbolsText(before),
                        symbolsText(banned) + (b.source().isBlank() ? "" : " from " + b.source()));
            }
        };
    }

    /** Recovery: applies a journaled change again. */
    void recover(RiskConfigChanged change) {
        switch (change.item()) {
            case "limits" -> limits.put(change.account(), limits(change.account()).with(parsePairs(change.current())));
            case "botLimits" -> {
                Map<String, String> m = parsePairs(change.current());
                botLimits.put(change.bot(), new BotLimits(Long.parseLong(m.get("maxOrderQuantity")),
                        Long.parseLong(m.get("maxOrderValue")), Long.parseLong(m.get("maxPositionValue")),
                        Integer.parseInt(m.get("maxTradesPerDay"))));
            }
            case "banList" -> {
                Set<Symbol> restored = new TreeSet<>();
                String current = change.current();
                int from = current.indexOf(" from ");
                for (String part : (from < 0 ? current : current.substring(0, from)).split(",")) {
                    if (!part.isBlank()) {
                        restored.add(Symbol.of(part));
                    }
                }
                banned = Set.copyOf(restored);
            }
            default -> throw new IllegalStateException("unknown risk configuration item " + change.item());
        }
    }

    /** {@code k=v;k=v} in key order: readable in the audit trail and parseable on recovery. */
    private static String pairs(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(map).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    private static Map<String, String> parsePairs(String text) {
        Map<String, String> map = new TreeMap<>();
        for (String pair : text.split(";")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return map;
    }

    private static Map<String, String> botLimitsMap(BotLimits b) {
        return Map.of("maxOrderQuantity", Long.toString(b.maxOrderQuantity()), "maxOrderValue",
                Long.toString(b.maxOrderValue()), "maxPositionValue", Long.toString(b.maxPositionValue()),
                "maxTradesPerDay", Integer.toString(b.maxTradesPerDay()));
    }

    private static String symbolsText(Set<Symbol> symbolSet) {
        StringBuilder sb = new StringBuilder();
        for (Symbol symbol : new TreeSet<>(symbolSet)) {
            sb.append(sb.isEmpty() ? "" : ",").append(symbol.value());
        }
        return sb.toString();
    }
}
