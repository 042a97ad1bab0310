package com.quantdesk.core.risk;

import com.quantdesk.core.command.RiskCommand;
import com.quantdesk.core.command.SetBanList;
import com.quantdesk.core.command.SetBotLimits;
import com.quantdesk.core.command.SetRiskLimits;
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
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.core.market.NseCalendar;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.time.MarketTime;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pre-trade risk engine. Every order from every source passes its rules (see {@link RiskRules}
 * and docs/risk.md) on the engine thread; it also watches the account's daily loss, venue reject
 * spikes and market-data freshness, squares off MIS positions at the cut-off, and keeps the F&amp;O
 * ban list. Limits are per account, optionally tightened per bot, and change at run time only
 * through commands, each recorded as an event.
 */
public final class RiskEngine implements RiskHook {

    private static final int ATR_PERIOD = 14;

    private final RiskLimits defaults;
    private final Map<AccountId, RiskLimits> limits = new HashMap<>();
    private final Map<BotId, BotLimits> botLimits = new HashMap<>();
    private final Map<AccountId, RiskState.Account> accounts = new HashMap<>();
    private final Map<Symbol, RiskState.SymbolState> symbols = new HashMap<>();
    private final Map<BotId, RiskState.Bot> bots = new HashMap<>();
    private final List<RiskRules.Rule> rules = RiskRules.all();
    private Set<Symbol> banned = Set.of();
    private MarketHours hours = NseCalendar.weekdays();
    private EngineView view;
    private EngineControl control;
    private Instant lastMarketData;
    private boolean staleAlerted;

    /** A risk engine applying {@code defaults} to every account without its own limits. */
    public RiskEngine(RiskLimits defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** Sets an account's limits before trading starts (at run time use {@code SetRiskLimits}). */
    public RiskEngine withLimits(AccountId account, RiskLimits accountLimits) {
        limits.put(account, Objects.requireNonNull(accountLimits, "accountLimits"));
        return this;
    }

    /** Sets a bot's extra limits before trading starts (at run time use {@code SetBotLimits}). */
    public RiskEngine withBotLimits(BotId bot, BotLimits extra) {
        botLimits.put(bot, Objects.requireNonNull(extra, "extra"));
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
        banned = Set.copyOf(symbolsInBan);
        return this;
    }

    /** The limits that apply to an account. */
    public RiskLimits limits(AccountId account) {
        return limits.getOrDefault(account, defaults);
    }

    /** A bot's extra limits. */
    public BotLimits botLimits(BotId bot) {
        return botLimits.getOrDefault(bot, BotLimits.NONE);
    }

    /** The current F&amp;O ban list. */
    public Set<Symbol> banList() {
        return banned;
    }

    /** Today's loss of an account since its session started (positive is a loss), paise. */
    public long dailyLoss(AccountId account) {
        RiskState.Account state = accounts.get(account);
        return state == null || state.sessionDay == Long.MIN_VALUE
                ? 0 : state.sessionStartEquity - view.portfolio(account).equity();
    }

    @Override
    public void bind(EngineView engineView, EngineControl engineControl) {
        this.view = engineView;
        this.control = engineControl;
    }

    // ------------------------------------------------------------------ pre-trade

    @Override
    public PreTradeDecision check(OrderRequest request, EngineView engineView) {
        Instrument instrument = engineView.instrument(request.symbol()).orElseThrow();
        RiskLimits accountLimits = limits(request.account());
        RiskState.Account account = account(request.account());
        Instant now = engineView.now();
        LocalTime localTime = LocalTime.ofSecondOfDay(Math.floorMod(now.getEpochSecond()
                + MarketTime.IST_OFFSET_SECONDS, 86_400L));
        RiskState.Bot bot = request.bot().equals(BotId.NONE) ? null : bots.computeIfAbsent(request.bot(),
                b -> new RiskState.Bot());
        OrderCheck check = new OrderCheck(request, engineView, instrument, accountLimits, botLimits(request.bot()),
                account, symbols.get(request.symbol()), bot, banned, now, localTime, hours);
        for (RiskRules.Rule rule : rules) {
            PreTradeDecision decision = rule.check(check);
            if (!decision.allowed()) {
                return decision;
            }
        }
        return PreTradeDecision.ALLOW;
    }

    /** What makes two orders "the same" for the duplicate guard. */
    record DuplicateKey(BotId bot, Symbol symbol, com.quantdesk.core.domain.Side side,
                        com.quantdesk.core.domain.Product product, com.quantdesk.core.domain.OrderType type,
                        long quantity, long limitPrice, long triggerPrice) {
    }

    static Object duplicateKey(OrderRequest r) {
        return new DuplicateKey(r.bot(), r.symbol(), r.side(), r.product(), r.type(), r.quantity(), r.limitPrice(),
                r.triggerPrice());
    }

    private RiskState.Account account(AccountId id) {
        RiskState.Account state = accounts.get(id);
        if (state == null) {
            state = new RiskState.Account(limits(id));
            accounts.put(id, state);
        }
        return state;
    }

    // ------------------------------------------------------------------ what happened

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case OrderSubmitted s -> recordSubmission(s.order());
            case OrderRejected r -> recordReject(r);
            case PositionChanged p -> checkDailyLoss(p.account());
            default -> { }
        }
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

    private void recordReject(OrderRejected rejected) {
        RiskLimits accountLimits = limits(rejected.account());
        if (accountLimits.rejectSpikeCount() == 0) {
            return;
        }
        RiskState.Account account = account(rejected.account());
        long now = rejected.time().toEpochMilli();
        account.rejects.add(now);
        int recent = account.rejects.count(now, accountLimits.rejectSpikeWindow().toMillis());
        if (recent >= accountLimits.rejectSpikeCount() && view.tradingState(rejected.account()) != TradingState.HALTED) {
            String why = recent + " venue rejects within " + accountLimits.rejectSpikeWindow().toSeconds() + " s";
            // Start counting afresh, so one spike fires the switch once.
            account.rejects.clear();
            control.alert(rejected.account(), BotId.NONE, "RISK_REJECT_SPIKE", why);
            control.killSwitch(rejected.account(), BotId.NONE, "reject spike: " + why, false);
        }
    }

    @Override
    public void onBar(Bar bar) {
        lastMarketData = bar.time();
        staleAlerted = false;
        RiskState.SymbolState state = symbols.get(bar.symbol());
        if (state == null) {
            state = new RiskState.SymbolState(ATR_PERIOD);
            symbols.put(bar.symbol(), state);
        }
        long day = MarketTime.tradeEpochDay(bar.time());
        if (day != state.day) {
            state.previousClose = state.lastClose;
            state.day = day;
        }
        state.lastClose = bar.close();
        state.atr.update(bar.high(), bar.low(), bar.close());
        for (AccountId account : accounts.keySet()) {
            checkDailyLoss(account);
        }
    }

    @Override
    public void onTime(Instant now) {
        long today = MarketTime.tradeEpochDay(now);
        LocalTime localTime = LocalTime.ofSecondOfDay(Math.floorMod(now.getEpochSecond()
                + MarketTime.IST_OFFSET_SECONDS, 86_400L));
        for (AccountId id : view.accounts()) {
            RiskState.Account account = account(id);
            if (account.sessionDay != today) {
                startSession(id, account, today);
            }
            checkDailyLoss(id);
            RiskLimits accountLimits = limits(id);
            if (accountLimits.misSquareOff() && !localTime.isBefore(accountLimits.misCutoff())
                    && account.squaredOffDay != today) {
                account.squaredOffDay = today;
                squareOff(id, "MIS square-off at " + accountLimits.misCutoff() + " IST");
            }
        }
        checkStaleData(now);
    }

    private void startSession(AccountId id, RiskState.Account account, long today) {
        long previousSession = account.sessionDay;
        account.sessionDay = today;
        account.sessionStartEquity = view.portfolio(id).equity();
        if (account.dailyLossBreached) {
            account.dailyLossBreached = false;
            if (limits(id).dailyLossState() == TradingState.REDUCING) {
                control.setTradingState(id, BotId.NONE, TradingState.ACTIVE, "new session: daily loss limit reset");
            }
        }
        // MIS never survives a session: a position left from a day whose cut-off was never seen goes now.
        if (previousSession != Long.MIN_VALUE && account.squaredOffDay != previousSession && limits(id).misSquareOff()) {
            squareOff(id, "MIS square-off of positions left from an earlier session");
        }
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
        if (account == null || account.sessionDay == Long.MIN_VALUE || account.dailyLossBreached) {
            return;
        }
        RiskLimits accountLimits = limits(id);
        long loss = account.sessionStartEquity - view.portfolio(id).equity();
        if (loss > accountLimits.maxDailyLoss()) {
            account.dailyLossBreached = true;
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
        java.time.Duration after = staleDataAfter();
        java.util.Optional<Instant> openSince = after.isZero() ? java.util.Optional.empty() : hours.openSince(now);
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

    /** The strictest non-zero freshness any account asks for; market data is shared, so one alarm serves all. */
    private java.time.Duration staleDataAfter() {
        java.time.Duration strictest = defaults.staleDataAfter();
        for (RiskLimits l : limits.values()) {
            java.time.Duration d = l.staleDataAfter();
            if (!d.isZero() && (strictest.isZero() || d.compareTo(strictest) < 0)) {
                strictest = d;
            }
        }
        return strictest;
    }

    // ------------------------------------------------------------------ configuration

    @Override
    public Change apply(RiskCommand command) {
        return switch (command) {
            case SetRiskLimits s -> {
                RiskLimits before = limits(s.account());
                RiskLimits after = before.with(s.changes());
                limits.put(s.account(), after);
                Map<String, String> old = new TreeMap<>();
                Map<String, String> now = new TreeMap<>();
                Map<String, String> a = before.toMap();
                after.toMap().forEach((k, v) -> {
                    if (!v.equals(a.get(k))) {
                        old.put(k, a.get(k));
                        now.put(k, v);
                    }
                });
                yield new Change(s.account(), BotId.NONE, "limits", pairs(old), pairs(now));
            }
            case SetBotLimits b -> {
                BotLimits before = botLimits(b.bot());
                botLimits.put(b.bot(), b.limits());
                yield new Change(AccountId.SYSTEM, b.bot(), "botLimits", pairs(botLimitsMap(before)),
                        pairs(botLimitsMap(b.limits())));
            }
            case SetBanList b -> {
                Set<Symbol> before = banned;
                banned = Set.copyOf(b.symbols());
                yield new Change(AccountId.SYSTEM, BotId.NONE, "banList", symbolsText(before),
                        symbolsText(banned) + (b.source().isBlank() ? "" : " from " + b.source()));
            }
        };
    }

    @Override
    public void recover(com.quantdesk.core.event.RiskConfigChanged change) {
        switch (change.item()) {
            case "limits" -> limits.put(change.account(), limits(change.account()).with(parsePairs(change.current())));
            case "botLimits" -> {
                Map<String, String> m = parsePairs(change.current());
                botLimits.put(change.bot(), new BotLimits(Long.parseLong(m.get("maxOrderQuantity")),
                        Long.parseLong(m.get("maxOrderValue")), Long.parseLong(m.get("maxPositionValue")),
                        Integer.parseInt(m.get("maxTradesPerDay"))));
            }
            case "banList" -> {
                Set<Symbol> restored = new TreeSet<>();
                String current = change.current();
                int from = current.indexOf(" from ");
                for (String part : (from < 0 ? current : current.substring(0, from)).split(",")) {
                    if (!part.isBlank()) {
                        restored.add(Symbol.of(part));
                    }
                }
                banned = Set.copyOf(restored);
            }
            default -> throw new IllegalStateException("unknown risk configuration item " + change.item());
        }
    }

    /** {@code k=v;k=v} in key order: readable in the audit trail and parseable on recovery. */
    private static String pairs(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(map).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    private static Map<String, String> parsePairs(String text) {
        Map<String, String> map = new TreeMap<>();
        for (String pair : text.split(";")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return map;
    }

    private static Map<String, String> botLimitsMap(BotLimits b) {
        return Map.of("maxOrderQuantity", Long.toString(b.maxOrderQuantity()), "maxOrderValue",
                Long.toString(b.maxOrderValue()), "maxPositionValue", Long.toString(b.maxPositionValue()),
                "maxTradesPerDay", Integer.toString(b.maxTradesPerDay()));
    }

    private static String symbolsText(Set<Symbol> symbolSet) {
        StringBuilder sb = new StringBuilder();
        for (Symbol symbol : new TreeSet<>(symbolSet)) {
            sb.append(sb.isEmpty() ? "" : ",").append(symbol.value());
        }
        return sb.toString();
    }
}
