package com.quantdesk.core.domain;

import java.util.regex.Pattern;

/**
 * An exchange trading symbol such as {@code RELIANCE}, {@code M&M} or {@code BAJAJ-AUTO}.
 *
 * @param value upper-case symbol text
 */
public record Symbol(String value) implements Comparable<Symbol> {

    private static final Pattern VALID = Pattern.compile("[A-Z0-9][A-Z0-9&_.-]{0,39}");

    /** Validates the symbol. */
    public Symbol {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid symbol: '" + value
                    + "' (use upper-case letters, digits, '&', '_', '.' or '-')");
        }
    }

    /** The symbol for {@code value}; the text is upper-cased first. */
    public static Symbol of(String value) {
        return new Symbol(value == null ? null : value.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    // Written out because the record's generated equals goes through a method handle that showed up
    // as a quarter of a backtest's time in map look-ups; same contract, same hash as the generated one.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Symbol that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
