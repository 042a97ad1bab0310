package com.quantdesk.server.trading;

import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.command.BotCommand;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.CreateBot;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.server.MarketView;
import com.quantdesk.server.audit.Caller;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bots of the caller's accounts: listed with their P&amp;L, created, and started, paused,
 * resumed, stopped or deleted. Every change is an engine command journaled with its audit record,
 * so a restart brings each bot back as it was.
 */
public final class Bots {

    private final EngineAccess engine;
    private final Supplier<AccountBoard.Board> board;
    private final MarketView market;
    private final Runnable changed;

    /**
     * @param board   the latest copy of the engine's figures
     * @param changed told after every change, so reads catch up at once
     */
    public Bots(EngineAccess engine, Supplier<AccountBoard.Board> board, MarketView market, Runnable changed) {
        this.engine = engine;
        this.board = board;
        this.market = market;
        this.changed = changed;
    }

    /** The bots of the caller's accounts, in creation order. */
    public List<BotView> list(Principal principal) {
        List<BotView> views = new ArrayList<>();
        for (AccountBoard.BotFigures bot : board.get().bots().values()) {
            if (bot.definition().isPresent() && principal.sees(bot.definition().get().account())) {
                views.add(view(bot));
            }
        }
        return views;
    }

    /** One bot of the caller's accounts (404 otherwise). */
    public BotView get(Principal principal, String id) {
        return list(principal).stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiError.notFound("no bot " + id));
    }

    /**
     * Creates a bot, stopped, or running when {@code start}.
     *
     * @throws ApiError 400 naming the field at fault, 404 for an account not granted, 409 for a taken id
     */
    public BotView create(Principal principal, Caller caller, String id, AccountId account, String strategy,
                          Map<String, String> params, List<String> symbols, BarInterval interval, boolean start) {
        Orders.requireTrading(principal, account);
        BotId bot;
        try {
            bot = BotId.of(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("id", e.getMessage());
        }
        List<Symbol> parsed = new ArrayList<>();
        for (String symbol : symbols) {
            Symbol s = Symbol.of(symbol);
            if (market.instrument(s).isEmpty()) {
                throw ApiError.invalidField("symbols", "unknown symbol " + symbol);
            }
            parsed.add(s);
        }
        if (!market.intervals().contains(interval)) {
            throw ApiError.invalidField("interval", "bars of " + Intervals.format(interval) + " are not made here; "
                    + "one of " + market.intervals().stream().map(Intervals::format).toList());
        }
        BotDefinition definition;
        try {
            definition = new BotDefinition(bot, account, strategy, params, parsed, interval);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(e.getMessage(), List.of());
        }
        CommandResult result = engine.change(e -> {
            CommandResult created = e.execute(new CreateBot(definition, principal.username()), r -> caller.entry(
                    account, "bot.create", id, r.accepted() ? "201 created" : "refused " + r.reasonCode(),
                    strategy + " " + params + " on " + symbols));
            if (created.accepted() && start) {
                e.execute(new BotCommand(bot, BotCommand.Action.START, "", principal.username()), r -> caller.entry(
                        account, "bot.start", id, r.accepted() ? "ok" : "refused " + r.reasonCode(), ""));
            }
            return created;
        }).value();
        changed.run();
        if (!result.accepted()) {
            if (result.reasonCode().equals("BOT_EXISTS")) {
                throw ApiError.conflict(result.message());
            }
            throw ApiError.invalid(result.message(), List.of());
        }
        return get(principal, id);
    }

    /** Starts, pauses, resumes, stops or deletes a bot of the caller's accounts. */
    public BotView act(Principal principal, Caller caller, String id, BotCommand.Action action) {
        BotView bot = get(principal, id);
        Orders.requireTrading(principal, AccountId.of(bot.account()));
        CommandResult result = engine.change(e -> e.execute(new BotCommand(BotId.of(id), action, "by "
                + principal.username(), principal.username()), r -> caller.entry(AccountId.of(bot.account()),
                "bot." + action.name().toLowerCase(java.util.Locale.ROOT), id, r.accepted() ? "ok"
                        : "refused " + r.reasonCode(), ""))).value();
        changed.run();
        if (!result.accepted()) {
            throw new ApiError(409, "bot-state", "Bot cannot do that now", result.message(), List.of(),
                    Map.of("reasonCode", result.reasonCode()));
        }
        return action == BotCommand.Action.DELETE ? bot : get(principal, id);
    }

    private static BotView view(AccountBoard.BotFigures bot) {
        BotDefinition d = bot.definition().orElseThrow();
        List<PositionView> positions = bot.positions().stream()
                .map(p -> PositionView.of(d.account().value(), p)).toList();
        return new BotView(bot.bot().value(), d.account().value(), d.strategy(), d.params(),
                d.symbols().stream().map(Symbol::value).toList(), Intervals.format(d.interval()),
                bot.state() == BotState.DELETED ? "DELETED" : bot.state().name(), Rupees.of(bot.realized()),
                Rupees.of(bot.unrealized()), Rupees.of(bot.charges()),
                Rupees.of(bot.realized() + bot.unrealized() - bot.charges()), positions);
    }
}
