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

    /** {@link #staleDataAfter()}, asked on every bar: worked out again whenever limits change. */
    private Duration staleDataAfter;
    /** Counts changes of accounts' limits, so a holder of {@link #limits} can tell when to ask again. */
    private int limitsVersion;

    RiskConfiguration(RiskLimits defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.staleDataAfter = strictestStaleDataAfter();
    }

    void setLimits(AccountId account, RiskLimits accountLimits) {
        limits.put(account, Objects.requireNonNull(accountLimits, "accountLimits"));
        limitsChanged();
    }

    private void limitsChanged() {
        staleDataAfter = strictestStaleDataAfter();
        limitsVersion++;
    }

    /** Changes whenever any account's limits change. */
    int limitsVersion() {
        return limitsVersion;
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
        return staleDataAfter;
    }

    private Duration strictestStaleDataAfter() {
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
     * Applies a configuration command: validates it, describes what changes, and installs the change
     * by {@link #install} from that description, the same way recovery installs the journaled one.
     *
     * @throws IllegalArgumentException when the command is invalid (nothing changes)
     */
    RiskHook.Change apply(RiskCommand command) {
        RiskHook.Change change = switch (command) {
            case SetRiskLimits s -> {
                RiskLimits before = limits(s.account());
                yield changed(s.account(), BotId.NONE, "limits", before.toMap(), before.with(s.changes()).toMap());
            }
            case SetBotLimits b -> {
                BotLimits before = botLimits(b.bot());
                yield changed(b.account(), b.bot(), "botLimits", before.toMap(), before.with(b.changes()).toMap());
            }
            case SetBanList b -> new RiskHook.Change(AccountId.SYSTEM, BotId.NONE, "banList", symbolsText(banned),
                    symbolsText(b.symbols()) + (b.source().isBlank() ? "" : " from " + b.source()));
        };
        install(change.account(), change.bot(), change.item(), change.current());
        return change;
    }

    /** Recovery: applies a journaled change again, by the same code that applied it live. */
    void recover(RiskConfigChanged change) {
        install(change.account(), change.bot(), change.item(), change.current());
    }

    /**
     * The one place a run-time change takes effect. {@code current} is the event's text: the changed
     * keys of the limits (so a change applies on top of whatever was configured at start), or the
     * whole ban list.
     */
    private void install(AccountId account, BotId bot, String item, String current) {
        switch (item) {
            case "limits" -> {
                limits.put(account, limits(account).with(parsePairs(current)));
                limitsChanged();
            }
            case "botLimits" -> botLimits.put(bot, botLimits(bot).with(parsePairs(current)));
            case "banList" -> {
                Set<Symbol> restored = new TreeSet<>();
                int from = current.indexOf(" from ");
                for (String part : (from < 0 ? current : current.substring(0, from)).split(",")) {
                    if (!part.isBlank()) {
                        restored.add(Symbol.of(part));
                    }
                }
                banned = Set.copyOf(restored);
            }
            default -> throw new IllegalStateException("unknown risk configuration item " + item);
        }
    }

    /** Only the keys whose text changed, old and new, as {@code k=v;k=v}. */
    private static RiskHook.Change changed(AccountId account, BotId bot, String item, Map<String, String> before,
                                           Map<String, String> after) {
        Map<String, String> old = new TreeMap<>();
        Map<String, String> now = new TreeMap<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                old.put(k, before.get(k));
                now.put(k, v);
            }
        });
        return new RiskHook.Change(account, bot, item, pairs(old), pairs(now));
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

    private static String symbolsText(Set<Symbol> symbolSet) {
        StringBuilder sb = new StringBuilder();
        for (Symbol symbol : new TreeSet<>(symbolSet)) {
            sb.append(sb.isEmpty() ? "" : ",").append(symbol.value());
        }
        return sb.toString();
    }
}
