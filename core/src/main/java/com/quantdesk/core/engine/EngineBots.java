package com.quantdesk.core.engine;

import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.command.BotCommand;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.CreateBot;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.BotCreated;
import com.quantdesk.core.event.BotStateChanged;
import com.quantdesk.core.event.OrderEvent;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's bots: their lifecycle commands (create, start, pause, resume, stop, delete), which
 * bots see which symbol's bars, strategy callbacks, and what happens when a strategy throws.
 * Engine thread only.
 */
final class EngineBots implements EngineState.Bots, BotRuntime.FailureHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EngineBots.class);

    private final TradingEngine engine;
    /** Every bot ever created, deleted ones included: ids are never reused, books are kept. */
    private final Map<BotId, BotRuntime> bots = new LinkedHashMap<>();
    private final Map<Symbol, BotRuntime[]> bySymbol = new HashMap<>();
    private StrategyFactory strategies;
    private boolean isolate = true;

    EngineBots(TradingEngine engine) {
        this.engine = engine;
    }

    void useStrategies(StrategyFactory factory) {
        strategies = factory;
    }

    void isolateFailures(boolean isolateFailures) {
        isolate = isolateFailures;
    }

    /** A running bot added directly (a backtest's), without an event. */
    BotRuntime add(BotId bot, AccountId account, Strategy strategy, Collection<Symbol> symbols,
                   BarInterval interval) {
        if (bots.containsKey(bot)) {
            throw new IllegalArgumentException("bot " + bot + " already exists");
        }
        BotRuntime runtime = new BotRuntime(engine, bot, account, null, interval, List.copyOf(symbols),
                () -> strategy, BotState.RUNNING);
        runtime.renewStrategy();
        bots.put(bot, runtime);
        rebuildDispatch();
        return runtime;
    }

    @Override
    public BotRuntime get(BotId bot) {
        return bots.get(bot);
    }

    /** Bots that are not deleted, in creation order. */
    List<BotId> ids() {
        List<BotId> ids = new ArrayList<>();
        for (BotRuntime runtime : bots.values()) {
            if (runtime.state() != BotState.DELETED) {
                ids.add(runtime.bot());
            }
        }
        return ids;
    }

    /** The bots taking bars of {@code symbol}, or null. */
    BotRuntime[] subscribed(Symbol symbol) {
        return bySymbol.get(symbol);
    }

    /** Orders of a known bot go only while it runs; unknown bots (manual orders) are not judged here. */
    PreTradeDecision admits(OrderRequest request) {
        BotRuntime runtime = bots.get(request.bot());
        if (runtime == null || runtime.state() == BotState.RUNNING) {
            return PreTradeDecision.ALLOW;
        }
        return runtime.state() == BotState.PAUSED
                ? PreTradeDecision.deny("BOT_PAUSED", "bot " + request.bot() + " is paused")
                : PreTradeDecision.deny("BOT_STOPPED", "bot " + request.bot() + " is " + describe(runtime.state()));
    }

    /** Tells a bot's strategy about one of its orders, after the current work. */
    void notify(BotId bot, OrderEvent event) {
        BotRuntime runtime = bots.get(bot);
        if (runtime != null && runtime.state().takesBars()) {
            engine.defer(new Delivery(runtime, event));
        }
    }

    /**
     * One order event on its way to a bot's strategy: a class rather than a capturing lambda, which
     * is made through a method handle (a call into the VM each time) until the JIT's last tier has
     * compiled {@link #notify}, and a backtest's first orders all pay that.
     */
    private final class Delivery implements Runnable {
        private final BotRuntime runtime;
        private final OrderEvent event;

        Delivery(BotRuntime runtime, OrderEvent event) {
            this.runtime = runtime;
            this.event = event;
        }

        @Override
        public void run() {
            runtime.onOrderEvent(event, EngineBots.this);
        }
    }

    // ---------------------------------------------------------------- engine start and stop

    /** Starts every bot that takes bars; one whose strategy cannot be built any more is stopped. */
    void startAll() {
        for (BotRuntime runtime : List.copyOf(bots.values())) {
            if (!runtime.state().takesBars()) {
                continue;
            }
            if (runtime.strategyProblem() != null) {
                String why = "strategy '" + strategyName(runtime) + "' cannot be built: " + runtime.strategyProblem();
                alert(runtime, "BOT_STRATEGY_UNAVAILABLE", why);
                move(runtime, BotState.STOPPED, why, "engine", 0);
            } else {
                runtime.onStart(this);
            }
        }
    }

    void stopAll() {
        for (BotRuntime runtime : List.copyOf(bots.values())) {
            if (runtime.state().takesBars()) {
                runtime.onStop(this);
            }
        }
    }

    // ---------------------------------------------------------------- commands

    CommandResult create(CreateBot command) {
        BotDefinition definition = command.definition();
        BotId id = definition.id();
        if (bots.containsKey(id)) {
            return CommandResult.refused(null, "BOT_EXISTS", bots.get(id).state() == BotState.DELETED
                    ? "bot id " + id + " belonged to a deleted bot; ids are not reused"
                    : "a bot with id " + id + " already exists");
        }
        if (!engine.accounts().contains(definition.account())) {
            return CommandResult.refused(null, "BOT_UNKNOWN_ACCOUNT", "bot " + id + ": no account "
                    + definition.account());
        }
        for (Symbol symbol : definition.symbols()) {
            if (engine.instrument(symbol).isEmpty()) {
                return CommandResult.refused(null, "BOT_UNKNOWN_SYMBOL", "bot " + id + ": unknown instrument " + symbol);
            }
        }
        String problem = trialBuild(definition);
        if (problem != null) {
            return CommandResult.refused(null, "BOT_INVALID_STRATEGY", "bot " + id + ": " + problem);
        }
        engine.emit(new BotCreated(engine.takeSequence(), engine.now(), definition.account(), id, 0, definition,
                command.actor()));
        return CommandResult.ok();
    }

    CommandResult change(BotCommand command) {
        BotRuntime runtime = bots.get(command.bot());
        if (runtime == null || runtime.state() == BotState.DELETED) {
            return CommandResult.refused(null, "BOT_UNKNOWN", "no bot " + command.bot());
        }
        BotState current = runtime.state();
        return switch (command.action()) {
            case START -> {
                if (current != BotState.STOPPED) {
                    yield wrongState(runtime, "stopped");
                }
                String problem = runtime.definition() == null ? null : trialBuild(runtime.definition());
                if (problem != null) {
                    yield CommandResult.refused(null, "BOT_INVALID_STRATEGY", "bot " + runtime.bot() + ": " + problem);
                }
                move(runtime, BotState.RUNNING, command.reason(), command.actor(), 0);
                if (engine.started()) {
                    runtime.onStart(this);
                }
                yield CommandResult.ok();
            }
            case PAUSE -> current != BotState.RUNNING ? wrongState(runtime, "running")
                    : moved(runtime, BotState.PAUSED, command);
            case RESUME -> current != BotState.PAUSED ? wrongState(runtime, "paused")
                    : moved(runtime, BotState.RUNNING, command);
            case STOP -> {
                if (!current.takesBars()) {
                    yield wrongState(runtime, "running or paused");
                }
                stop(runtime, command.reason(), command.actor());
                yield CommandResult.ok();
            }
            case DELETE -> {
                if (current.takesBars()) {
                    stop(runtime, command.reason(), command.actor());
                }
                yield moved(runtime, BotState.DELETED, command);
            }
        };
    }

    private CommandResult moved(BotRuntime runtime, BotState target, BotCommand command) {
        move(runtime, target, command.reason(), command.actor(), 0);
        return CommandResult.ok();
    }

    private static CommandResult wrongState(BotRuntime runtime, String expected) {
        return CommandResult.refused(null, "BOT_STATE", "bot " + runtime.bot() + " is " + runtime.state()
                + ", not " + expected);
    }

    /** The strategy hears it stops, the bot's open orders are cancelled, then it is stopped. */
    private void stop(BotRuntime runtime, String reason, String actor) {
        if (engine.started()) {
            runtime.onStop(this);
        }
        for (Order order : engine.openOrders()) {
            if (order.bot().equals(runtime.bot())) {
                engine.cancel(order.id(), "bot stopped: " + reason);
            }
        }
        move(runtime, BotState.STOPPED, reason, actor, 0);
    }

    private void move(BotRuntime runtime, BotState target, String reason, String actor, long causation) {
        engine.emit(new BotStateChanged(engine.takeSequence(), engine.now(), runtime.account(), runtime.bot(),
                causation, runtime.state(), target, reason, actor));
    }

    private String trialBuild(BotDefinition definition) {
        if (strategies == null) {
            throw new IllegalStateException("bots are created by command, but the engine has no strategy factory");
        }
        try {
            strategies.create(definition.strategy(), definition.params());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    // ---------------------------------------------------------------- applying events

    @Override
    public void created(BotCreated event) {
        BotDefinition definition = event.definition();
        if (strategies == null) {
            throw new IllegalStateException("event " + event.sequence() + " creates bot " + event.bot()
                    + ", but the engine has no strategy factory to build its strategy");
        }
        if (bots.containsKey(definition.id())) {
            throw new IllegalStateException("event " + event.sequence() + " creates bot " + definition.id()
                    + ", which exists");
        }
        StrategyFactory factory = strategies;
        bots.put(definition.id(), new BotRuntime(engine, definition.id(), definition.account(), definition,
                definition.interval(), definition.symbols(),
                () -> factory.create(definition.strategy(), definition.params()), BotState.STOPPED));
    }

    @Override
    public void stateChanged(BotStateChanged event) {
        BotRuntime runtime = bots.get(event.bot());
        if (runtime == null || runtime.state() != event.previous()) {
            throw new IllegalStateException("event " + event.sequence() + " moves bot " + event.bot() + " from "
                    + event.previous() + ", but it is " + (runtime == null ? "unknown" : runtime.state()));
        }
        runtime.state(event.current());
        if (event.previous() == BotState.STOPPED && event.current() == BotState.RUNNING) {
            runtime.renewStrategy(); // a start begins with a fresh strategy, on the positions the bot has
        }
        if (event.previous().takesBars() != event.current().takesBars()) {
            rebuildDispatch();
        }
    }

    private void rebuildDispatch() {
        Map<Symbol, List<BotRuntime>> lists = new HashMap<>();
        for (BotRuntime runtime : bots.values()) {
            if (runtime.state().takesBars()) {
                for (Symbol symbol : runtime.symbols()) {
                    lists.computeIfAbsent(symbol, s -> new ArrayList<>()).add(runtime);
                }
            }
        }
        bySymbol.clear();
        lists.forEach((symbol, list) -> bySymbol.put(symbol, list.toArray(BotRuntime[]::new)));
        engine.dispatchChanged();
    }

    // ---------------------------------------------------------------- failures

    @Override
    public void strategyFailed(BotRuntime runtime, String callback, RuntimeException failure) {
        if (!isolate) {
            throw failure;
        }
        LOG.warn("bot {}: strategy failed in {}", runtime.bot(), callback, failure);
        String why = "strategy failed in " + callback + ": " + failure;
        if (callback.equals("onStop")) {
            alert(runtime, "BOT_STRATEGY_FAILED", why); // it is stopping anyway
        } else if (runtime.state() == BotState.RUNNING) {
            alert(runtime, "BOT_STRATEGY_FAILED", why + "; the bot is paused");
            move(runtime, BotState.PAUSED, why, "engine", 0);
        }
        // A paused bot still takes bars; a strategy failing again there was already reported.
    }

    private void alert(BotRuntime runtime, String code, String message) {
        engine.emit(new RiskAlert(engine.takeSequence(), engine.now(), runtime.account(), runtime.bot(), 0, code,
                message));
    }

    private static String strategyName(BotRuntime runtime) {
        return runtime.definition() == null ? "?" : runtime.definition().strategy();
    }

    private static String describe(BotState state) {
        return state == BotState.DELETED ? "deleted" : "stopped";
    }

    /** Every bot not deleted, in creation order. */
    Collection<BotRuntime> live() {
        List<BotRuntime> list = new ArrayList<>();
        for (BotRuntime runtime : bots.values()) {
            if (runtime.state() != BotState.DELETED) {
                list.add(runtime);
            }
        }
        return list;
    }
}
