package com.quantdesk.server.trading;

import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.time.MarketTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine holds for each account and bot, copied on the engine thread into immutable
 * values that any request thread reads without asking the engine: reads never queue behind
 * trading. Refreshed a few times a second and after every request that changed something.
 *
 * <p>Day figures are the account's realized P&amp;L and charges since the start of the engine's
 * trade date (IST): the board remembers their values when the date begins, starting from what the
 * journal's fills say for the day the process started on.
 */
public final class AccountBoard {

    /**
     * One account, in paise.
     *
     * @param account     the account
     * @param initialCash opening cash
     * @param cash        cash now
     * @param equity      cash plus positions at their last price
     * @param realized    realized P&amp;L before charges, all time
     * @param unrealized  P&amp;L of open positions at their last price
     * @param charges     charges paid, all time
     * @param dayRealized realized P&amp;L today (before charges)
     * @param dayCharges  charges paid today
     * @param positions   open positions and flat ones with realized P&amp;L
     * @param state       the account's trading state (the global state wins when stricter)
     * @param dailyLoss   today's loss as the risk engine counts it: equity at the session's start less
     *                    equity now (positive is a loss)
     * @param dailyLossLimit the account's daily loss limit (0: none)
     */
    public record AccountFigures(AccountId account, long initialCash, long cash, long equity, long realized,
                                 long unrealized, long charges, long dayRealized, long dayCharges,
                                 List<PositionSnapshot> positions, TradingState state, long dailyLoss,
                                 long dailyLossLimit) {
    }

    /**
     * One bot: its own book of the orders it placed.
     *
     * @param bot        the bot
     * @param definition its strategy, parameters, symbols and account (empty for one added in code)
     * @param state      its state
     * @param realized   realized P&amp;L before charges
     * @param unrealized P&amp;L of its open positions
     * @param charges    charges on its fills
     * @param positions  its positions
     */
    public record BotFigures(BotId bot, java.util.Optional<BotDefinition> definition, BotState state, long realized,
                             long unrealized, long charges, List<PositionSnapshot> positions) {
    }

    /** Everything at one moment. */
    public record Board(Instant asOf, TradingState globalState, Map<AccountId, AccountFigures> accounts,
                        Map<BotId, BotFigures> bots) {
    }

    /** Realized P&amp;L and charges of an account at the start of a trade date. */
    public record DayStart(LocalDate date, long realized, long charges) {
    }

    private volatile Board board = new Board(Instant.EPOCH, TradingState.ACTIVE, Map.of(), Map.of());
    // Engine thread only.
    private final Map<AccountId, DayStart> dayStarts = new HashMap<>();
    private final RiskEngine risk;

    /** @param dayStarts each account's figures at the start of the day the process started on */
    public AccountBoard(Map<AccountId, DayStart> dayStarts) {
        this(dayStarts, null);
    }

    /**
     * @param dayStarts each account's figures at the start of the day the process started on
     * @param risk      the risk engine, for each account's daily loss and its limit (read on the engine
     *                  thread); null for none
     */
    public AccountBoard(Map<AccountId, DayStart> dayStarts, RiskEngine risk) {
        this.risk = risk;
        this.dayStarts.putAll(dayStarts);
    }

    /** The latest copy. */
    public Board current() {
        return board;
    }

    /** Copies the engine's state. Engine thread only. */
    public void refresh(TradingEngine engine) {
        Instant now = engine.now();
        LocalDate today = MarketTime.tradeDate(now);
        Map<AccountId, AccountFigures> accounts = new LinkedHashMap<>();
        for (AccountId account : engine.accounts()) {
            Portfolio p = engine.portfolio(account);
            DayStart start = dayStarts.get(account);
            if (start == null) {
                // No fills before today (or an account opened while running): all its history is today's.
                start = new DayStart(today, 0, 0);
                dayStarts.put(account, start);
            } else if (!start.date().equals(today)) {
                start = new DayStart(today, p.realizedPnl(), p.chargesPaid());
                dayStarts.put(account, start);
            }
            accounts.put(account, new AccountFigures(account, p.initialCash(), p.cash(), p.equity(), p.realizedPnl(),
                    p.unrealizedPnl(), p.chargesPaid(), p.realizedPnl() - start.realized(),
                    p.chargesPaid() - start.charges(), positions(p), engine.tradingState(account),
                    risk == null ? 0 : risk.dailyLoss(account), risk == null ? 0 : risk.limits(account).maxDailyLoss()));
        }
        Map<BotId, BotFigures> bots = new LinkedHashMap<>();
        for (BotId bot : engine.bots()) {
            BotState state = engine.botState(bot).orElse(BotState.STOPPED);
            if (state == BotState.DELETED) {
                continue;
            }
            Portfolio book = engine.botBook(bot).orElse(null);
            bots.put(bot, new BotFigures(bot, engine.botDefinition(bot), state,
                    book == null ? 0 : book.realizedPnl(), book == null ? 0 : book.unrealizedPnl(),
                    book == null ? 0 : book.chargesPaid(), book == null ? List.of() : positions(book)));
        }
        board = new Board(now, engine.tradingState(AccountId.SYSTEM), Map.copyOf(accounts), Map.copyOf(bots));
    }

    private static List<PositionSnapshot> positions(Portfolio portfolio) {
        List<PositionSnapshot> list = new ArrayList<>();
        for (var position : portfolio.positions()) {
            if (position.quantity() != 0 || position.realizedPnl() != 0) {
                list.add(position.snapshot());
            }
        }
        list.sort(java.util.Comparator.comparing((PositionSnapshot s) -> s.symbol().value())
                .thenComparing(s -> s.product().name()));
        return List.copyOf(list);
    }
}
