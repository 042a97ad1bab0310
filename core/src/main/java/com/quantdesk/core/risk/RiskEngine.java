package com.quantdesk.core.risk;

import com.quantdesk.core.command.RiskCommand;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.EngineControl;
import com.quantdesk.core.engine.EngineView;
import com.quantdesk.core.engine.PreTradeDecision;
import com.quantdesk.core.engine.RiskHook;
import com.quantdesk.core.event.ClosingPriceRecorded;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.core.market.NseCalendar;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.time.MarketTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The pre-trade risk engine. Every order from every source passes its rules (see {@link RiskRules}
 * and docs/risk.md) on the engine thread; it also watches the account's daily loss, venue reject
 * spikes and market-data freshness, squares off MIS positions at the cut-off, and keeps the F&amp;O
 * ban list. Limits are per account, optionally tightened per bot, and change at run time only
 * through commands, each recorded as an event.
 */
public final class RiskEngine implements RiskHook {

    private static final int ATR_PERIOD = 14;
    /** How long after a restart the daily loss waits for fresh marks of symbols marked at an old fill. */
    private static final java.time.Duration STALE_MARKS_GRACE = java.time.Duration.ofMinutes(5);
    /** How long after a square-off whose orders did not close the MIS positions it is tried again. */
    private static final java.time.Duration SQUARE_OFF_RETRY = java.time.Duration.ofMinutes(1);

    private final RiskConfiguration configuration;
    private final Map<AccountId, RiskState.Account> accounts = new HashMap<>();
    // The same accounts in the order risk first saw them, for the loops run on every bar.
    private final List<AccountId> accountIds = new ArrayList<>();
    private final List<RiskState.Account> accountStates = new ArrayList<>();
    // The engine's account list onTime last saw (it is replaced when an account opens) and their states.
    private List<AccountId> timedAccounts;
    private RiskState.Account[] timedStates;
    // The same symbols in the order risk first saw them, for the check made every second of engine time.
    private final List<Symbol> symbolIds = new ArrayList<>();
    private final List<RiskState.SymbolState> symbolStates = new ArrayList<>();
    // The last bar's symbol and its state: bars of one symbol follow each other.
    private Symbol barSymbol;
    private RiskState.SymbolState barState;
    private final Map<Symbol, RiskState.SymbolState> symbols = new HashMap<>();
    private final Map<BotId, RiskState.Bot> bots = new HashMap<>();
    private MarketHours hours = NseCalendar.weekdays();
    private EngineView view;
    private EngineControl control;
    private Instant lastMarketData;
    private boolean staleAlerted;
    /** Whether some symbol's close is not journaled yet, and when to look next (engine epoch second). */
    private boolean unrecordedCloses;
    private long nextCloseCheck = Long.MIN_VALUE;
    /** Recovery: symbols whose last journaled price was a fill. */
    private final Set<Symbol> markedByFill = new java.util.HashSet<>();
    /** After recovery: held symbols marked at an old fill price until their first bar, at most until then. */
    private final Set<Symbol> staleMarks = new java.util.HashSet<>();
    private Instant staleMarksUntil = Instant.MAX;
    /** When a retried MIS square-off may next be tried, per account (engine time). */
    private final Map<AccountId, Instant> squareOffRetry = new HashMap<>();

    private volatile CheckTimer checkTimer = CheckTimer.OFF;

    /** A risk engine applying {@code defaults} to every account without its own limits. */
    public RiskEngine(RiskLimits defaults) {
        this.configuration = new RiskConfiguration(defaults);
    }

    /** Sets an account's limits before trading starts (at run time use {@code SetRiskLimits}). */
    public RiskEngine withLimits(AccountId account, RiskLimits accountLimits) {
        configuration.setLimits(account, accountLimits);
        return this;
    }

    /** Sets a bot's extra limits before trading starts (at run time use {@code SetBotLimits}). */
    public RiskEngine withBotLimits(BotId bot, BotLimits extra) {
        configuration.setBotLimits(bot, extra);
        return this;
    }

    /**
     * Sets the market calendar before trading starts: session hours and holidays for the market-hours
     * rule and the stale-data alarm (default: NSE, every weekday a trading day).
     */
    public RiskEngine withMarketHours(MarketHours marketHours) {
        hours = Objects.requireNonNull(marketHours, "marketHours");
        return this;
    }

    /** Sets the F&amp;O ban list before trading starts (at run time use {@code SetBanList}). */
    public RiskEngine withBanList(Set<Symbol> symbolsInBan) {
        configuration.setBanList(symbolsInBan);
        return this;
    }

    /** The limits that apply to an account. */
    public RiskLimits limits(AccountId account) {
        return configuration.limits(account);
    }

    /** A bot's extra limits. */
    public BotLimits botLimits(BotId bot) {
        return configuration.botLimits(bot);
    }

    /** The current F&amp;O ban list. */
    public Set<Symbol> banList() {
        return configuration.banList();
    }

    /** Today's loss of an account since its session started (positive is a loss), paise. */
    public long dailyLoss(AccountId account) {
        RiskState.Account state = accounts.get(account);
        return state == null || state.sessionDay == Long.MIN_VALUE
                ? 0 : state.sessionStartEquity - view.portfolio(account).equity();
    }

    @Override
    public void describe(Map<String, String> facts, Instant asOf) {
        accounts.forEach((id, a) -> {
            String prefix = "risk/account/" + id + "/";
            if (a.sessionDay != Long.MIN_VALUE) {
                facts.put(prefix + "session", LocalDate.ofEpochDay(a.sessionDay) + " baseline " + a.sessionStartEquity
                        + (a.dailyLossBreached ? " daily-loss-breached" : "")
                        + (a.squaredOffDay == a.sessionDay ? " mis-squared-off" : ""));
            }
            if (a.ordersDay != Long.MIN_VALUE) {
                facts.put(prefix + "orders", LocalDate.ofEpochDay(a.ordersDay) + " " + a.ordersToday);
            }
        });
        bots.forEach((id, b) -> {
            if (b.day != Long.MIN_VALUE) {
                facts.put("risk/bot/" + id + "/orders", LocalDate.ofEpochDay(b.day) + " " + b.ordersToday);
            }
        });
        // Only what the journal holds: the band's reference today and the last recorded close. The
        // close of today's latest bar is market data, seen again after a restart.
        long today = MarketTime.tradeEpochDay(asOf);
        symbols.forEach((symbol, s) -> {
            long reference = s.referenceFor(today);
            if (reference > 0) {
                facts.put("risk/symbol/" + symbol + "/bandReference", Long.toString(reference));
            }
            if (s.recordedDay() != Long.MIN_VALUE) {
                facts.put("risk/symbol/" + symbol + "/recordedClose", LocalDate.ofEpochDay(s.recordedDay()) + " "
                        + s.recordedClose());
            }
        });
    }

    @Override
    public void bind(EngineView engineView, EngineControl engineControl) {
        this.view = engineView;
        this.control = engineControl;
    }

    // ------------------------------------------------------------------ pre-trade

    /**
     * Tells {@code observer} how long every pre-trade check takes from now on, as read off {@code ticker} (a
     * nanosecond source the caller injects, so that core itself never reads a clock; metrics pass
     * {@code System::nanoTime}).
     */
    public void timeChecks(LongSupplier ticker, LongConsumer observer) {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(observer, "observer");
        this.checkTimer = new CheckTimer(ticker, observer);
    }

    @Override
    public PreTradeDecision check(OrderRequest request, EngineView engineView) {
        CheckTimer timer = checkTimer;
        long started = timer.ticker.getAsLong();
        try {
            return decide(request, engineView);
        } finally {
            timer.observer.accept(timer.ticker.getAsLong() - started);
        }
    }

    private record CheckTimer(LongSupplier ticker, LongConsumer observer) {
        static final CheckTimer OFF = new CheckTimer(() -> 0L, nanos -> { });
    }

    private PreTradeDecision decide(OrderRequest request, EngineView engineView) {
        Instrument instrument = engineView.instrument(request.symbol()).orElseThrow();
        RiskLimits accountLimits = limits(request.account());
        RiskState.Account account = account(request.account());
        Instant now = engineView.now();
        LocalTime localTime = LocalTime.ofSecondOfDay(Math.floorMod(now.getEpochSecond()
                + MarketTime.IST_OFFSET_SECONDS, 86_400L));
        RiskState.Bot bot = request.bot().equals(BotId.NONE) ? null : bots.computeIfAbsent(request.bot(),
                b -> new RiskState.Bot());
        OrderCheck check = new OrderCheck(request, engineView, instrument, accountLimits, botLimits(request.bot()),
                account, symbols.get(request.symbol()), bot, configuration.banList(), now, localTime, hours);
        return RiskRules.check(check);
    }

    /** What makes two orders "the same" for the duplicate guard. */
    record DuplicateKey(BotId bot, Symbol symbol, com.quantdesk.core.domain.Side side,
                        com.quantdesk.core.domain.Product product, com.quantdesk.core.domain.OrderType type,
                        long quantity, long limitPrice, long triggerPrice) {

        // Written out: the generated ones go through method handles, slow until compiled and costly
        // to compile, and this key is hashed on every order.
        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof DuplicateKey k && quantity == k.quantity
                    && limitPrice == k.limitPrice && triggerPrice == k.triggerPrice && side == k.side
                    && product == k.product && type == k.type && bot.equals(k.bot) && symbol.equals(k.symbol);
        }

        @Override
        public int hashCode() {
            int h = bot.hashCode();
            h = 31 * h + symbol.hashCode();
            h = 31 * h + side.hashCode();
            h = 31 * h + product.hashCode();
            h = 31 * h + type.hashCode();
            h = 31 * h + Long.hashCode(quantity);
            h = 31 * h + Long.hashCode(limitPrice);
            return 31 * h + Long.hashCode(triggerPrice);
        }
    }

    static Object duplicateKey(OrderRequest r) {
        return new DuplicateKey(r.bot(), r.symbol(), r.side(), r.product(), r.type(), r.quantity(), r.limitPrice(),
                r.triggerPrice());
    }

    /** The account's limits, asked of the configuration again only after limits changed. */
    private RiskLimits limits(AccountId id, RiskState.Account account) {
        int version = configuration.limitsVersion();
        if (account.limitsVersion != version) {
            account.limits = configuration.limits(id);
            account.limitsVersion = version;
        }
        return account.limits;
    }

    private RiskState.Account account(AccountId id) {
        RiskState.Account state = accounts.get(id);
        if (state == null) {
            state = new RiskState.Account(limits(id));
            accounts.put(id, state);
            accountIds.add(id);
            accountStates.add(state);
        }
        return state;
    }

    // ------------------------------------------------------------------ what happened

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case OrderSubmitted s -> recordSubmission(s.order());
            case OrderRejected r -> {
                if (countReject(r)) {
                    fireRejectSpike(r);
                }
            }
            case PositionChanged p -> checkDailyLoss(p.account());
            default -> { }
        }
    }

    @Override
    public void recover(Event event) {
        switch (event) {
            case RiskConfigChanged c -> configuration.recover(c);
            case OrderSubmitted s -> recordSubmission(s.order());
            case OrderRejected r -> countReject(r); // what it fired then is in the journal too
            case RiskSessionChanged r -> {
                RiskState.Account account = account(r.account());
                account.sessionDay = r.tradeDate().toEpochDay();
                account.sessionStartEquity = r.baselineEquity();
                account.dailyLossBreached = r.dailyLossBreached();
                account.squaredOffDay = r.misSquaredOff() ? account.sessionDay : Long.MIN_VALUE;
            }
            case ClosingPriceRecorded c -> {
                symbol(c.symbol()).restoreClose(c.tradeDate().toEpochDay(), c.close());
                markedByFill.remove(c.symbol());
            }
            case OrderFilled f -> markedByFill.add(f.symbol());
            default -> { }
        }
    }

    @Override
    public void recovered() {
        // Positions are marked at their last journaled price. Where that was a fill rather than a
        // recorded close, the mark is older than what the engine saw before the restart, so the
        // daily loss is not judged on those accounts until a bar has marked the symbol again.
        for (Symbol symbol : markedByFill) {
            for (AccountId account : view.accounts()) {
                if (view.portfolio(account).quantity(symbol) != 0) {
                    staleMarks.add(symbol);
                }
            }
        }
        markedByFill.clear();
        if (!staleMarks.isEmpty()) {
            staleMarksUntil = view.now().plus(STALE_MARKS_GRACE);
        }
        // Silence is measured from the restart: a feed that never comes back still throws the switch.
        lastMarketData = view.now();
        staleAlerted = false;
    }

    private void recordSubmission(Order order) {
        long now = order.createdAt().toEpochMilli();
        long today = MarketTime.tradeEpochDay(order.createdAt());
        RiskState.Account account = account(order.account());
        account.perSecond.count(now, 1_000);
        account.perSecond.add(now);
        account.perMinute.count(now, 60_000);
        account.perMinute.add(now);
        if (account.ordersDay != today) {
            account.ordersDay = today;
            account.ordersToday = 0;
        }
        account.ordersToday++;
        long window = limits(order.account()).duplicateWindow().toMillis();
        for (Iterator<Long> it = account.recent.values().iterator(); it.hasNext(); ) {
            if (it.next() <= now - window) {
                it.remove();
            }
        }
        account.recent.put(duplicateKey(order.request()), now);
        if (!order.bot().equals(BotId.NONE)) {
            RiskState.Bot bot = bots.computeIfAbsent(order.bot(), b -> new RiskState.Bot());
            if (bot.day != today) {
                bot.day = today;
                bot.ordersToday = 0;
            }
            bot.ordersToday++;
        }
    }

    /** Counts a venue reject; true when it completes a spike (the count then starts afresh). */
    private boolean countReject(OrderRejected rejected) {
        RiskLimits accountLimits = limits(rejected.account());
        if (accountLimits.rejectSpikeCount() == 0) {
            return false;
        }
        RiskState.Account account = account(rejected.account());
        long now = rejected.time().toEpochMilli();
        account.rejects.add(now);
        int recent = account.rejects.count(now, accountLimits.rejectSpikeWindow().toMillis());
        if (recent >= accountLimits.rejectSpikeCount() && view.tradingState(rejected.account()) != TradingState.HALTED) {
            // Start counting afresh, so one spike fires the switch once.
            account.rejects.clear();
            return true;
        }
        return false;
    }

    private void fireRejectSpike(OrderRejected rejected) {
        RiskLimits accountLimits = limits(rejected.account());
        String why = accountLimits.rejectSpikeCount() + " venue rejects within "
                + accountLimits.rejectSpikeWindow().toSeconds() + " s";
        control.alert(rejected.account(), BotId.NONE, "RISK_REJECT_SPIKE", why);
        control.killSwitch(rejected.account(), BotId.NONE, "reject spike: " + why, false);
    }

    @Override
    public void marketDataSeen(Instant time) {
        seen(time);
    }

    /** Market data arrived at {@code time}; silence is counted from the latest arrival, never back in time. */
    private void seen(Instant time) {
        if (lastMarketData == null || time.isAfter(lastMarketData)) {
            lastMarketData = time;
        }
        staleAlerted = false;
    }

    @Override
    public void onBar(Bar bar) {
        // When it arrived, not its start: a bar of an hour or a day starts long before it closes.
        seen(view.now());
        RiskState.SymbolState state = bar.symbol() == barSymbol ? barState : symbol(bar.symbol());
        barSymbol = bar.symbol();
        barState = state;
        long day = MarketTime.tradeEpochDay(bar.time());
        if (day != state.day) {
            if (state.day != Long.MIN_VALUE && state.day < day) {
                recordClose(bar.symbol(), state);
            }
            state.previousClose = state.lastClose;
            state.day = day;
        }
        state.close(bar.close());
        unrecordedCloses = true;
        state.atr.update(bar.high(), bar.low(), bar.close());
        if (!staleMarks.isEmpty()) {
            staleMarks.remove(bar.symbol());
        }
        for (int i = 0; i < accountIds.size(); i++) {
            checkDailyLoss(accountIds.get(i), accountStates.get(i));
        }
    }

    private RiskState.SymbolState symbol(Symbol symbol) {
        RiskState.SymbolState state = symbols.get(symbol);
        if (state == null) {
            state = new RiskState.SymbolState(ATR_PERIOD);
            symbols.put(symbol, state);
            symbolIds.add(symbol);
            symbolStates.add(state);
        }
        return state;
    }

    /** Journals the symbol's last close of its day unless that exact close is journaled already. */
    private void recordClose(Symbol symbol, RiskState.SymbolState state) {
        if (state.closeRecorded()) {
            return;
        }
        state.markRecorded();
        control.recordClosingPrice(symbol, LocalDate.ofEpochDay(state.day), state.lastClose);
    }

    @Override
    public void onTime(Instant now) {
        long today = MarketTime.tradeEpochDay(now);
        long secondOfDay = Math.floorMod(now.getEpochSecond() + MarketTime.IST_OFFSET_SECONDS, 86_400L);
        List<AccountId> open = view.accounts();
        if (open != timedAccounts) {
            RiskState.Account[] states = new RiskState.Account[open.size()];
            for (int i = 0; i < states.length; i++) {
                states[i] = account(open.get(i));
            }
            timedAccounts = open;
            timedStates = states;
        }
        for (int i = 0; i < timedStates.length; i++) {
            AccountId id = open.get(i);
            RiskState.Account account = timedStates[i];
            if (account.sessionDay != today && !holdsStaleMarks(id)) {
                startSession(id, account, today);
            }
            checkDailyLoss(id, account);
            RiskLimits accountLimits = limits(id, account);
            if (accountLimits.misSquareOff() && secondOfDay >= accountLimits.misCutoff().toSecondOfDay()
                    && account.sessionDay == today) {
                if (account.squaredOffDay != today) {
                    account.squaredOffDay = today;
                    recordSession(id, account);
                    squareOff(id, "MIS square-off at " + accountLimits.misCutoff() + " IST");
                    squareOffRetry.put(id, now.plus(SQUARE_OFF_RETRY));
                } else if (holdsMisPositionWithoutOrder(id) && !now.isBefore(squareOffRetry.getOrDefault(id,
                        Instant.MIN))) {
                    // The square-off's orders were rejected, expired or lost in a restart: positions
                    // decide, not the record that it ran.
                    squareOff(id, "MIS square-off again: MIS positions are still open after the cut-off");
                    squareOffRetry.put(id, now.plus(SQUARE_OFF_RETRY));
                }
            }
        }
        recordSessionCloses(now, today);
        checkStaleData(now);
    }

    /**
     * Once a symbol's session is over (the market has closed, or the trade date has moved on), its
     * last close is journaled, so a restart before the next session still knows the band's reference
     * and can mark positions at it. Checked at most once a second of engine time.
     */
    private void recordSessionCloses(Instant now, long today) {
        if (!unrecordedCloses || now.getEpochSecond() < nextCloseCheck) {
            return;
        }
        nextCloseCheck = now.getEpochSecond() + 1;
        boolean open = hours.isOpen(now);
        boolean pending = false;
        for (int i = 0; i < symbolStates.size(); i++) {
            RiskState.SymbolState state = symbolStates.get(i);
            if (state.closeRecorded() || state.day == Long.MIN_VALUE) {
                continue;
            }
            if (state.day < today || !open) {
                recordClose(symbolIds.get(i), state);
            } else {
                pending = true;
            }
        }
        unrecordedCloses = pending;
    }

    private void startSession(AccountId id, RiskState.Account account, long today) {
        long previousSession = account.sessionDay;
        account.sessionDay = today;
        account.sessionStartEquity = view.portfolio(id).equity();
        boolean wasBreached = account.dailyLossBreached;
        account.dailyLossBreached = false;
        recordSession(id, account);
        if (wasBreached && limits(id).dailyLossState() == TradingState.REDUCING) {
            control.setTradingState(id, BotId.NONE, TradingState.ACTIVE, "new session: daily loss limit reset");
        }
        // MIS never survives a session: a position left from an earlier day goes now, whether that
        // day's square-off never ran or its orders did not close it.
        if (previousSession != Long.MIN_VALUE && limits(id).misSquareOff()) {
            squareOff(id, "MIS square-off of positions left from an earlier session");
        }
    }

    private void recordSession(AccountId id, RiskState.Account account) {
        control.recordSession(id, LocalDate.ofEpochDay(account.sessionDay), account.sessionStartEquity,
                account.dailyLossBreached, account.squaredOffDay == account.sessionDay);
    }

    private boolean holdsStaleMarks(AccountId id) {
        if (staleMarks.isEmpty()) {
            return false;
        }
        if (view.now().isAfter(staleMarksUntil)) {
            control.alert(AccountId.SYSTEM, BotId.NONE, "RISK_STALE_MARKS", "no bar for " + new java.util.TreeSet<>(
                    staleMarks) + " within " + STALE_MARKS_GRACE.toMinutes() + " minutes of the restart; the daily "
                    + "loss is judged on their last journaled prices");
            staleMarks.clear();
            return false;
        }
        for (Symbol symbol : staleMarks) {
            if (view.portfolio(id).quantity(symbol) != 0) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsMisPositionWithoutOrder(AccountId id) {
        for (Order o : view.openOrders(id)) {
            if (o.product() == Product.MIS) {
                return false;
            }
        }
        for (PositionSnapshot p : view.portfolio(id).openPositions()) {
            if (p.product() == Product.MIS) {
                return true;
            }
        }
        return false;
    }

    private void squareOff(AccountId id, String reason) {
        boolean hasMis = false;
        for (PositionSnapshot p : view.portfolio(id).openPositions()) {
            hasMis |= p.product() == Product.MIS;
        }
        for (Order o : view.openOrders(id)) {
            hasMis |= o.product() == Product.MIS;
        }
        if (hasMis) {
            control.alert(id, BotId.NONE, "RISK_MIS_SQUAREOFF", reason);
            control.squareOffMis(id, reason);
        }
    }

    private void checkDailyLoss(AccountId id) {
        RiskState.Account account = accounts.get(id);
        if (account != null) {
            checkDailyLoss(id, account);
        }
    }

    private void checkDailyLoss(AccountId id, RiskState.Account account) {
        if (account.sessionDay == Long.MIN_VALUE || account.dailyLossBreached
                || holdsStaleMarks(id)) {
            return;
        }
        RiskLimits accountLimits = limits(id, account);
        long loss = account.sessionStartEquity - view.portfolio(id).equity();
        if (loss > accountLimits.maxDailyLoss()) {
            account.dailyLossBreached = true;
            recordSession(id, account);
            String why = "daily loss " + Paise.format(loss) + " exceeds " + Paise.format(accountLimits.maxDailyLoss());
            control.alert(id, BotId.NONE, "RISK_MAX_DAILY_LOSS", why);
            control.setTradingState(id, BotId.NONE, accountLimits.dailyLossState(), why);
            if (accountLimits.killOnDailyLoss()) {
                control.killSwitch(id, BotId.NONE, why, false);
            }
        }
    }

    private void checkStaleData(Instant now) {
        if (lastMarketData == null || staleAlerted) {
            return;
        }
        java.time.Duration after = configuration.staleDataAfter();
        // Data came within the allowance: silent since a later market open would be silent for less.
        if (after.isZero() || !now.isAfter(lastMarketData.plus(after))) {
            return;
        }
        java.util.Optional<Instant> openSince = hours.openSince(now);
        if (openSince.isEmpty()) {
            return;
        }
        // Yesterday's last tick says nothing about today: the clock starts again when the market opened.
        Instant since = lastMarketData.isBefore(openSince.get()) ? openSince.get() : lastMarketData;
        if (now.isAfter(since.plus(after))) {
            staleAlerted = true;
            String why = "no market data since " + lastMarketData + " (" + after.toSeconds() + " s)";
            control.alert(AccountId.SYSTEM, BotId.NONE, "RISK_STALE_DATA", why);
            control.killSwitch(AccountId.SYSTEM, BotId.NONE, "stale market data: " + why, false);
        }
    }

    // ------------------------------------------------------------------ configuration

    @Override
    public Change apply(RiskCommand command) {
        return configuration.apply(command);
    }
}
