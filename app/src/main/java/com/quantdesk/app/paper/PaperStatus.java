package com.quantdesk.app.paper;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a running paper-trading process, taken on the engine thread.
 *
 * @param time            engine time
 * @param journaled       sequence of the last durable event
 * @param journalHealthy  whether the journal's database is reachable (new orders are refused while not)
 * @param feed            the feed in use (primary or secondary)
 * @param ticksAccepted   ticks that passed the data-quality filter
 * @param ticksDropped    ticks the filter dropped, by reason
 * @param openOrders      orders not yet done
 * @param accounts        each account's cash and equity
 * @param bots            each bot's state and figures
 */
public record PaperStatus(Instant time, long journaled, boolean journalHealthy, String feed, long ticksAccepted,
                          Map<String, Long> ticksDropped, int openOrders, List<AccountFigures> accounts,
                          List<BotStatus> bots) {

    /** Validates and copies. */
    public PaperStatus {
        ticksDropped = Map.copyOf(ticksDropped);
        accounts = List.copyOf(accounts);
        bots = List.copyOf(bots);
    }

    /**
     * One account.
     *
     * @param account     the account
     * @param cash        cash, paise
     * @param equity      cash plus positions at last prices, paise
     * @param chargesPaid charges paid, paise
     */
    public record AccountFigures(AccountId account, long cash, long equity, long chargesPaid) {
    }

    /**
     * One bot.
     *
     * @param bot      the bot
     * @param account  its account
     * @param strategy its strategy's name
     * @param state    running, paused or stopped
     * @param figures  what it has done
     */
    public record BotStatus(BotId bot, AccountId account, String strategy, BotState state,
                            BotFigures figures) {
    }

    /**
     * What a bot has done since its first event.
     *
     * @param orders    orders it submitted
     * @param denied    orders refused before they were sent
     * @param fills     fills
     * @param positions open net positions by symbol
     * @param charges   charges on its fills, paise
     * @param pnl       cash its fills moved plus its positions at last prices, charges included, paise
     */
    public record BotFigures(long orders, long denied, long fills, Map<Symbol, Long> positions, long charges,
                             long pnl) {

        /** Validates and copies. */
        public BotFigures {
            positions = Map.copyOf(positions);
        }
    }
}
