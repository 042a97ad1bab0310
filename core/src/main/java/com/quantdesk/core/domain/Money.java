package com.quantdesk.core.domain;

/**
 * An amount of money in paise. Arithmetic is exact and overflow-checked.
 *
 * @param paise the amount in paise; may be negative (a loss, a debit)
 */
public record Money(long paise) implements Comparable<Money> {

    /** Zero rupees. */
    public static final Money ZERO = new Money(0);

    /** An amount in whole rupees. */
    public static Money ofRupees(long rupees) {
        return new Money(Paise.ofRupees(rupees));
    }

    /** Parses a rupee amount such as {@code "1407.50"}. */
    public static Money parse(String rupees) {
        return new Money(Paise.parse(rupees));
    }

    /** This plus {@code other}. */
    public Money plus(Money other) {
        return new Money(Math.addExact(paise, other.paise));
    }

    /** This minus {@code other}. */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(paise, other.paise));
    }

    /** This times a whole number. */
    public Money times(long factor) {
        return new Money(Math.multiplyExact(paise, factor));
    }

    /** The negated amount. */
    public Money negate() {
        return new Money(Math.negateExact(paise));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(paise, other.paise);
    }

    @Override
    public String toString() {
        return "₹" + Paise.format(paise);
    }
}
