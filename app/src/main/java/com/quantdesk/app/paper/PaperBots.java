package com.quantdesk.app.paper;

import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.command.BotCommand;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.CreateBot;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.journal.EventJournal;
import com.quantdesk.core.market.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The bots of a paper process. Their life (create, start, pause, resume, stop, delete) is engine
 * commands, so every change is journaled and a restart brings each bot back as it was. The
 * configuration file only seeds: a bot it names that the journal does not know is created on start;
 * one the journal knows keeps the journal's definition and state, and a difference is reported.
 */
final class PaperBots {

    private final PaperConfig config;
    private final EngineLoop loop;
    private final EventJournal journal;

    /** Bots on an engine loop; a change returns once its events are durable in {@code journal}. */
    PaperBots(PaperConfig config, EngineLoop loop, EventJournal journal) {
        this.config = Objects.requireNonNull(config, "config");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    // ---------------------------------------------------------------- start-up

    /**
     * Creates the configuration's bots the journal does not know, in the state the file gives; for
     * the others, reports where the file differs from the journal. Runs on the constructing thread
     * before the engine thread exists.
     */
    static void seed(PaperConfig config, TradingEngine engine, Consumer<String> notices) {
        for (PaperConfig.Bot bot : config.bots()) {
            var known = engine.botDefinition(bot.id());
            if (known.isEmpty() && engine.botState(bot.id()).isEmpty()) {
                create(engine, bot, "configuration");
            } else if (known.isPresent() && !known.get().equals(definition(bot))) {
                notices.accept("bot " + bot.id() + ": the configuration file differs from the journal ("
                        + describe(definition(bot)) + " in the file, " + describe(known.get()) + " in the journal); "
                        + "the journal's definition is kept. Delete the bot and create it again to apply the file");
            } else if (engine.botState(bot.id()).orElseThrow() == BotState.DELETED) {
                notices.accept("bot " + bot.id() + " was deleted; the configuration file's entry is ignored");
            } else if (engine.botState(bot.id()).orElseThrow() != bot.state()) {
                notices.accept("bot " + bot.id() + ": the configuration file says " + name(bot.state())
                        + ", the journal says " + name(engine.botState(bot.id()).orElseThrow())
                        + "; the journal's state is kept");
            }
        }
        for (BotId id : engine.bots()) {
            if (config.bots().stream().noneMatch(b -> b.id().equals(id))) {
                notices.accept("bot " + id + " (created at run time) restored from the journal: "
                        + name(engine.botState(id).orElseThrow()));
            }
        }
    }

    private static String name(BotState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void create(TradingEngine engine, PaperConfig.Bot bot, String actor) {
        require(engine.execute(new CreateBot(definition(bot), actor)));
        if (bot.state() != BotState.STOPPED) {
            require(engine.execute(new BotCommand(bot.id(), BotCommand.Action.START, "", actor)));
        }
        if (bot.state() == BotState.PAUSED) {
            require(engine.execute(new BotCommand(bot.id(), BotCommand.Action.PAUSE, "", actor)));
        }
    }

    static BotDefinition definition(PaperConfig.Bot bot) {
        return new BotDefinition(bot.id(), bot.account(), bot.strategy(), bot.params(), bot.symbols(),
                new BarInterval(bot.bar()));
    }

    private static String describe(BotDefinition d) {
        return d.strategy() + " " + new TreeMap<>(d.params()) + " on " + d.symbols() + " every " + d.interval()
                + " for " + d.account();
    }

    // ---------------------------------------------------------------- at run time

    /**
     * Creates a bot in the state its configuration gives.
     *
     * @throws IllegalArgumentException naming the field when the bot's id is taken, its account or a
     *                                  symbol is unknown, or its strategy or parameters are invalid
     */
    void create(PaperConfig.Bot bot) {
        if (config.accounts().stream().noneMatch(a -> a.id().equals(bot.account()))) {
            throw new IllegalArgumentException("bots." + bot.id() + ".account: no account " + bot.account());
        }
        for (Symbol symbol : bot.symbols()) {
            if (!config.feed().symbols().contains(symbol)) {
                throw new IllegalArgumentException("bots." + bot.id() + ".symbols: " + symbol + " is not in feed.symbols");
            }
        }
        try {
            config.strategies().get(bot.strategy()).create(bot.params());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bots." + bot.id() + ": " + e.getMessage(), e);
        }
        durably(engine -> create(engine, bot, "operator"));
    }

    void start(BotId bot) {
        change(bot, BotCommand.Action.START);
    }

    void pause(BotId bot) {
        change(bot, BotCommand.Action.PAUSE);
    }

    void resume(BotId bot) {
        change(bot, BotCommand.Action.RESUME);
    }

    void stop(BotId bot) {
        change(bot, BotCommand.Action.STOP);
    }

    void delete(BotId bot) {
        change(bot, BotCommand.Action.DELETE);
    }

    private void change(BotId bot, BotCommand.Action action) {
        durably(engine -> require(engine.execute(new BotCommand(bot, action, "", "operator"))));
    }

    /** Runs a change on the engine thread and returns once what it journaled is durable. */
    private void durably(Consumer<TradingEngine> change) {
        long last = PaperRuntime.answer(loop.call(engine -> {
            change.accept(engine);
            return engine.nextSequence() - 1;
        }));
        PaperRuntime.answer(journal.durable(last));
    }

    /** A bot's state. */
    BotState state(BotId bot) {
        return on(engine -> engine.botState(bot).filter(s -> s != BotState.DELETED)
                .orElseThrow(() -> new IllegalArgumentException("no bot " + bot)));
    }

    /** The bots that are not deleted, with their definitions, in creation order. */
    List<Listed> list() {
        return on(engine -> {
            List<Listed> listed = new ArrayList<>();
            for (BotId id : engine.bots()) {
                listed.add(new Listed(id, engine.botDefinition(id).orElse(null), engine.botState(id).orElseThrow()));
            }
            return listed;
        });
    }

    /** A bot, its definition (null for one added directly) and its state. */
    record Listed(BotId id, BotDefinition definition, BotState state) {
    }

    private <T> T on(Function<TradingEngine, T> action) {
        return PaperRuntime.answer(loop.call(action));
    }

    private static void require(CommandResult result) {
        if (!result.accepted()) {
            throw new IllegalArgumentException(result.message());
        }
    }
}
