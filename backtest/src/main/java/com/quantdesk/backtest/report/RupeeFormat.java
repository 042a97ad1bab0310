package com.quantdesk.backtest.report;

import com.quantdesk.core.domain.Paise;
import java.math.RoundingMode;

/**
 * Formats paise as rupees with Indian digit grouping: the last three digits, then groups of two
 * (lakh, crore), as in {@code ₹12,34,567.89}.
 */
public final class RupeeFormat {

    private RupeeFormat() {
    }

    /**
     * Paise as rupees with two decimals, e.g. {@code 123456789 -> "₹12,34,567.89"} and
     * {@code -5 -> "-₹0.05"}.
     */
    public static String format(long paise) {
        // Long.toString also handles Long.MIN_VALUE, whose absolute value does not fit a long.
        String text = Long.toString(paise);
        boolean negative = paise < 0;
        String digits = negative ? text.substring(1) : text;
        if (digits.length() < 3) {
            digits = "0".repeat(3 - digits.length()) + digits;
        }
        String rupees = digits.substring(0, digits.length() - 2);
        String fraction = digits.substring(digits.length() - 2);
        return (negative ? "-₹" : "₹") + group(rupees) + "." + fraction;
    }

    /** Paise as whole rupees, rounded half-even, e.g. {@code 123456789 -> "₹12,34,568"}. */
    public static String formatWhole(long paise) {
        String text = Paise.toRupees(paise).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = text.startsWith("-");
        return (negative ? "-₹" : "₹") + group(negative ? text.substring(1) : text);
    }

    /** Groups a string of digits the Indian way: {@code "1234567" -> "12,34,567"}. */
    static String group(String digits) {
        if (digits.length() <= 3) {
            return digits;
        }
        String head = digits.substring(0, digits.length() - 3);
        StringBuilder grouped = new StringBuilder();
        int firstPair = head.length() % 2;
        if (firstPair == 1) {
            grouped.append(head.charAt(0)).append(',');
        }
        for (int i = firstPair; i < head.length(); i += 2) {
            grouped.append(head, i, i + 2).append(',');
        }
        return grouped.append(digits, digits.length() - 3, digits.length()).toString();
    }
}
