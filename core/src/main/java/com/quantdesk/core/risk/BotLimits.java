package com.quantdesk.core.risk;

/**
 * Tighter limits for one bot on top of its account's {@link RiskLimits}. A field of 0 adds nothing:
 * the account's limit applies.
 *
 * @param maxOrderQuantity shares in one order
 * @param maxOrderValue    value of one order, paise
 * @param maxPositionValue absolute value of this bot's position in one symbol, paise
 * @param maxTradesPerDay  orders this bot may place per day
 */
public record BotLimits(long maxOrderQuantity, long maxOrderValue, long maxPositionValue, int maxTradesPerDay) {

    /** No extra limits. */
    public static final BotLimits NONE = new BotLimits(0, 0, 0, 0);

    /** Validates the limits; the message names the field. */
    public BotLimits {
        if (maxOrderQuantity < 0 || maxOrderValue < 0 || maxPositionValue < 0 || maxTradesPerDay < 0) {
            throw new IllegalArgumentException("bot limits must not be negative (0 means: the account's limit)");
        }
    }

    /** The tighter of a bot limit and the account's; 0 means the bot adds nothing. */
    static long tighter(long account, long bot) {
        return bot == 0 ? account : Math.min(account, bot);
    }
}
