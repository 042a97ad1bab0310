package com.quantdesk.core.bot;

/**
 * Where a bot is in its life. This is the operator's switch, separate from the trading state the
 * risk engine sets: resuming a paused bot never lifts a halt that risk put on it.
 */
public enum BotState {
    /** Defined, not taking bars. */
    STOPPED,
    /** Takes its bars and trades. */
    RUNNING,
    /** Takes its bars (its indicators stay warm) but its new orders are refused. */
    PAUSED,
    /** Removed; its orders and fills stay in the journal. */
    DELETED;

    /** Whether the bot's strategy sees bars in this state. */
    public boolean takesBars() {
        return this == RUNNING || this == PAUSED;
    }
}
