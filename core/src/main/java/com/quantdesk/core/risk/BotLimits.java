package com.quantdesk.core.risk;

import com.quantdesk.core.domain.Paise;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tighter limits for one bot on top of its account's {@link RiskLimits}. A field of 0 adds nothing:
 * the account's limit applies. Every field is a configuration key of the same name (docs/risk.md),
 * readable and writable as text through {@link #toMap()} and {@link #with(Map)}; money keys are
 * written in rupees there.
 *
 * @param maxOrderQuantity shares in one order
 * @param maxOrderValue    value of one order, paise
 * @param maxPositionValue absolute value of this bot's position in one symbol, paise
 * @param maxTradesPerDay  orders this bot may place per day
 */
public record BotLimits(long maxOrderQuantity, long maxOrderValue, long maxPositionValue, int maxTradesPerDay) {

    /** No extra limits. */
    public static final BotLimits NONE = new BotLimits(0, 0, 0, 0);

    /** Validates the limits; the message names the key. */
    public BotLimits {
        notNegative("maxOrderQuantity", maxOrderQuantity);
        notNegative("maxOrderValue", maxOrderValue);
        notNegative("maxPositionValue", maxPositionValue);
        notNegative("maxTradesPerDay", maxTradesPerDay);
    }

    /** The tighter of a bot limit and the account's; 0 means the bot adds nothing. */
    static long tighter(long account, long bot) {
        return bot == 0 ? account : Math.min(account, bot);
    }

    /** Every key and its value as text (money in rupees with two decimals), in declaration order. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("maxOrderQuantity", Long.toString(maxOrderQuantity));
        map.put("maxOrderValue", Paise.format(maxOrderValue));
        map.put("maxPositionValue", Paise.format(maxPositionValue));
        map.put("maxTradesPerDay", Integer.toString(maxTradesPerDay));
        return map;
    }

    /**
     * A copy with one key changed.
     *
     * @throws IllegalArgumentException naming the key when it is unknown or the value does not parse or fit
     */
    public BotLimits with(String key, String value) {
        return with(Map.of(key, value));
    }

    /**
     * A copy with several keys changed; all or nothing.
     *
     * @throws IllegalArgumentException naming the first key at fault (in key order)
     */
    public BotLimits with(Map<String, String> changes) {
        long quantity = maxOrderQuantity;
        long orderValue = maxOrderValue;
        long positionValue = maxPositionValue;
        int trades = maxTradesPerDay;
        for (Map.Entry<String, String> change : new TreeMap<>(changes).entrySet()) {
            String key = change.getKey();
            String text = change.getValue() == null ? "" : change.getValue().trim();
            switch (key) {
                case "maxOrderQuantity" -> quantity = whole(key, text, Long.MAX_VALUE);
                case "maxOrderValue" -> orderValue = rupees(key, text);
                case "maxPositionValue" -> positionValue = rupees(key, text);
                case "maxTradesPerDay" -> trades = (int) whole(key, text, Integer.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown bot limit '" + key + "'");
            }
        }
        return new BotLimits(quantity, orderValue, positionValue, trades);
    }

    private static long whole(String key, String text, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bot limit " + key + "='" + text + "' is not a valid whole number", e);
        }
        notNegative(key, text, value);
        if (value > max) {
            throw new IllegalArgumentException("bot limit " + key + " must be at most " + max + ", was " + value);
        }
        return value;
    }

    /** Rupees with at most two decimals: a limit is never silently rounded. */
    private static long rupees(String key, String text) {
        try {
            BigDecimal rupees = new BigDecimal(text);
            if (rupees.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("bot limit " + key + "='" + text
                        + "' has more than two decimals (rupees to the paisa)");
            }
            notNegative(key, text, rupees.signum());
            return Paise.fromRupees(rupees);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("bot limit " + key + "='" + text + "' is not a valid rupee amount", e);
        }
    }

    private static void notNegative(String key, String text, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("bot limit " + key + " must not be negative (0 = the account's "
                    + "limit), was " + text);
        }
    }

    private static void notNegative(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("bot limit " + key + " must not be negative (0 = the account's "
                    + "limit), was " + value);
        }
    }
}
