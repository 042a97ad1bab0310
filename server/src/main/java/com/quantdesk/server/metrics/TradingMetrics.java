package com.quantdesk.server.metrics;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.server.trading.AccountBoard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Trading metrics: orders by outcome, risk denials and venue rejections by reason, fill latency, risk
 * check time, alerts by code; per account its money, exposure, concentration, daily loss limit,
 * trading state and kill switch; per bot its P&amp;L and whether it is paused; the engine's inbox and
 * whether the market is open. Counters move with the engine's events (on the engine thread); gauges
 * read the {@link AccountBoard}'s latest copy, never the engine's own state.
 */
public final class TradingMetrics implements EngineListener {

    private static final Set<String> OUTCOMES = Set.of("submitted", "accepted", "denied", "rejected", "cancelled",
            "filled");

    private final MeterRegistry registry;
    private final Supplier<AccountBoard.Board> board;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<AccountId> gaugedAccounts = ConcurrentHashMap.newKeySet();
    private final Set<BotId> gaugedBots = ConcurrentHashMap.newKeySet();
    private final Timer fillLatency;
    private final Timer riskChecks;
    // Engine thread only: when each working order was submitted (System.nanoTime), until its first fill.
    private final Map<OrderId, Long> submittedAt = new HashMap<>();

    /**
     * @param registry    where the meters go
     * @param board       the latest copy of the engine's figures
     * @param inbox       messages waiting for the engine thread
     * @param marketOpen  whether the exchange's session is open now
     */
    public TradingMetrics(MeterRegistry registry, Supplier<AccountBoard.Board> board, IntSupplier inbox,
                          BooleanSupplier marketOpen) {
        this.registry = registry;
        this.board = board;
        for (String outcome : OUTCOMES) {
            counter("quantdesk.orders", "outcome", outcome);
        }
        fillLatency = Timer.builder("quantdesk.fill.latency")
                .description("Wall time from an order's submission to its first fill, seen by the engine")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        riskChecks = Timer.builder("quantdesk.risk.check")
                .description("Time of one pre-trade risk check")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000)).maximumExpectedValue(Duration.ofMillis(100))
                .register(registry);
        Gauge.builder("quantdesk.positions.open", () -> board.get().accounts().values().stream()
                        .mapToLong(a -> a.positions().stream().filter(p -> p.quantity() != 0).count()).sum())
                .description("Open positions over every account").register(registry);
        Gauge.builder("quantdesk.engine.inbox.depth", inbox::getAsInt)
                .description("Commands and reads waiting for the engine thread").register(registry);
        Gauge.builder("quantdesk.market.open", () -> marketOpen.getAsBoolean() ? 1 : 0)
                .description("1 during the exchange's normal session").register(registry);
    }

    /** Records one pre-trade check's time (any thread). */
    public void riskCheck(long nanos) {
        riskChecks.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts engine events and times fills. Engine thread. */
    @Override
    public void onEvent(Event event) {
        switch (event) {
            case OrderSubmitted e -> {
                counter("quantdesk.orders", "outcome", "submitted").increment();
                submittedAt.put(e.orderId(), System.nanoTime());
            }
            case OrderAccepted e -> counter("quantdesk.orders", "outcome", "accepted").increment();
            case OrderRejected e -> {
                counter("quantdesk.orders", "outcome", "rejected").increment();
                counter("quantdesk.orders.rejected", "reason", e.reasonCode()).increment();
                submittedAt.remove(e.orderId());
            }
            case OrderCancelled e -> {
                counter("quantdesk.orders", "outcome", "cancelled").increment();
                submittedAt.remove(e.orderId());
            }
            case OrderFilled e -> {
                Long since = submittedAt.remove(e.orderId());
                if (since != null) {
                    fillLatency.record(System.nanoTime() - since, TimeUnit.NANOSECONDS);
                }
                if (e.remaining() == 0) {
                    counter("quantdesk.orders", "outcome", "filled").increment();
                }
            }
            case OrderDenied e -> {
                counter("quantdesk.orders", "outcome", "denied").increment();
                counter("quantdesk.risk.denials", "reason", e.reasonCode()).increment();
            }
            case RiskAlert e -> counter("quantdesk.alerts", "code", e.code()).increment();
            default -> { }
        }
        if (!event.account().equals(AccountId.SYSTEM) && !gaugedAccounts.contains(event.account())) {
            gaugeAccount(event.account());
        }
        if (!event.bot().equals(BotId.NONE) && !gaugedBots.contains(event.bot())) {
            gaugeBot(event.account(), event.bot());
        }
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + "|" + value, k -> Counter.builder(name).tag(tag, value)
                .register(registry));
    }

    /** Adds the gauges of every account and bot on the board now (at start; later ones come with events). */
    public void gaugeBoard() {
        AccountBoard.Board now = board.get();
        now.accounts().keySet().forEach(this::gaugeAccount);
        now.bots().values().forEach(b -> b.definition().ifPresent(d -> gaugeBot(d.account(), b.bot())));
    }

    /** Adds an account's gauges (once). */
    public void gaugeAccount(AccountId account) {
        if (!gaugedAccounts.add(account)) {
            return;
        }
        rupees("quantdesk.account.equity", account, AccountBoard.AccountFigures::equity);
        rupees("quantdesk.account.cash", account, AccountBoard.AccountFigures::cash);
        rupees("quantdesk.account.pnl.unrealized", account, AccountBoard.AccountFigures::unrealized);
        rupees("quantdesk.account.pnl.day.realized", account, AccountBoard.AccountFigures::dayRealized);
        rupees("quantdesk.account.charges.day", account, AccountBoard.AccountFigures::dayCharges);
        rupees("quantdesk.account.exposure", account, TradingMetrics::exposure);
        rupees("quantdesk.account.daily.loss", account, AccountBoard.AccountFigures::dailyLoss);
        rupees("quantdesk.account.daily.loss.limit", account, AccountBoard.AccountFigures::dailyLossLimit);
        accountGauge("quantdesk.account.concentration", "ratio", account, TradingMetrics::concentration);
        accountGauge("quantdesk.account.trading.state", null, account, a -> state(a.state()));
        accountGauge("quantdesk.account.kill.switch", null, account, a -> a.state() == TradingState.HALTED ? 1 : 0);
    }

    private void rupees(String name, AccountId account,
                        java.util.function.ToLongFunction<AccountBoard.AccountFigures> paise) {
        accountGauge(name, "rupees", account, a -> paise.applyAsLong(a) / 100.0);
    }

    private void accountGauge(String name, String unit, AccountId account,
                              ToDoubleFunction<AccountBoard.AccountFigures> value) {
        Gauge.Builder<Supplier<AccountBoard.Board>> gauge = Gauge.builder(name, board, b -> {
            AccountBoard.AccountFigures a = b.get().accounts().get(account);
            return a == null ? Double.NaN : value.applyAsDouble(a);
        }).tag("account", account.value());
        if (unit != null) {
            gauge.baseUnit(unit);
        }
        gauge.register(registry);
    }

    private void gaugeBot(AccountId account, BotId bot) {
        if (!gaugedBots.add(bot)) {
            return;
        }
        Gauge.builder("quantdesk.bot.pnl", () -> {
            AccountBoard.BotFigures b = board.get().bots().get(bot);
            return b == null ? Double.NaN : (b.realized() + b.unrealized()) / 100.0;
        }).tag("account", account.value()).tag("bot", bot.value()).baseUnit("rupees").register(registry);
        Gauge.builder("quantdesk.bot.halted", () -> {
            AccountBoard.BotFigures b = board.get().bots().get(bot);
            return b == null ? Double.NaN : b.state() == BotState.PAUSED ? 1 : 0;
        }).tag("account", account.value()).tag("bot", bot.value()).register(registry);
    }

    /** 0 active, 1 reducing, 2 halted. */
    static int state(TradingState state) {
        return switch (state) {
            case ACTIVE -> 0;
            case REDUCING -> 1;
            case HALTED -> 2;
        };
    }

    /** Sum of the absolute marked values of open positions, paise. */
    static long exposure(AccountBoard.AccountFigures account) {
        long total = 0;
        for (PositionSnapshot p : account.positions()) {
            total += Math.abs(p.quantity() * p.lastPrice());
        }
        return total;
    }

    /** The largest open position's absolute marked value over equity (0 without equity or positions). */
    static double concentration(AccountBoard.AccountFigures account) {
        long largest = 0;
        for (PositionSnapshot p : account.positions()) {
            largest = Math.max(largest, Math.abs(p.quantity() * p.lastPrice()));
        }
        return account.equity() <= 0 ? 0 : (double) largest / account.equity();
    }
}
