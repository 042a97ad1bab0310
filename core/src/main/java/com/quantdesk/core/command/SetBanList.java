package com.quantdesk.core.command;

import com.quantdesk.core.domain.Symbol;
import java.util.Objects;
import java.util.Set;

/**
 * Replace the F&amp;O ban list: exposure-increasing orders in these underlyings are denied.
 *
 * @param symbols the banned underlyings
 * @param source  where the list came from (e.g. the file name)
 * @param actor   who asked
 */
public record SetBanList(Set<Symbol> symbols, String source, String actor) implements RiskCommand {

    /** Validates and copies the command. */
    public SetBanList {
        symbols = Set.copyOf(symbols);
        source = Objects.requireNonNullElse(source, "");
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
