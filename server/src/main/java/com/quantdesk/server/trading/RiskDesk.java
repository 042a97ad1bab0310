package com.quantdesk.server.trading;

import com.quantdesk.core.command.ActivateKillSwitch;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.ResetKillSwitch;
import com.quantdesk.core.command.SetBotLimits;
import com.quantdesk.core.command.SetRiskLimits;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.risk.BotLimits;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.server.audit.Caller;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.http.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Risk limits, trading states and the kill switch. Anyone may read the limits and states of their
 * accounts; changing limits needs RISK or ADMIN, the kill switch RISK. Every change is an engine
 * command, journaled with its audit record.
 */
public final class RiskDesk {

    /** The trading states: global, and per account of the caller (the state that applies there). */
    public record States(String global, Map<String, String> accounts) {
    }

    private final EngineAccess engine;
    private final RiskEngine risk;
    private final Portfolios portfolios;
    private final Runnable changed;

    /** @param changed told after every change, so reads catch up at once */
    public RiskDesk(EngineAccess engine, RiskEngine risk, Portfolios portfolios, Runnable changed) {
        this.engine = engine;
        this.risk = risk;
        this.portfolios = portfolios;
        this.changed = changed;
    }

    /** An account's limits, by configuration key (money in rupees). */
    public Map<String, String> limits(Principal principal, AccountId account) {
        portfolios.requireVisible(principal, account);
        return engine.read(e -> new TreeMap<>(risk.limits(account).toMap()));
    }

    /** Changes some of an account's limits. */
    public Map<String, String> setLimits(Principal principal, Caller caller, AccountId account,
                                         Map<String, String> changes) {
        if (!principal.has(Role.RISK) && !principal.has(Role.ADMIN)) {
            throw ApiError.forbidden("changing risk limits needs the RISK or ADMIN role");
        }
        portfolios.requireVisible(principal, account);
        if (changes.isEmpty()) {
            throw ApiError.invalidField("limits", "name at least one limit to change");
        }
        CommandResult result = engine.change(e -> e.execute(new SetRiskLimits(account, changes, principal.username()),
                r -> caller.entry(account, "risk.limits", account.value(), r.accepted() ? "ok" : "refused "
                        + r.reasonCode(), new TreeMap<>(changes).toString()))).value();
        changed.run();
        if (!result.accepted()) {
            throw ApiError.invalid(result.message(), List.of(new ApiError.FieldError("limits", result.message())));
        }
        return limits(principal, account);
    }

    /**
     * A bot's own limits, by configuration key (money in rupees; 0 = the account's limit applies).
     *
     * @throws ApiError 404 unless the account is the caller's and the bot is one of its bots
     */
    public Map<String, String> botLimits(Principal principal, AccountId account, BotId bot) {
        portfolios.requireVisible(principal, account);
        // Nothing may throw on the engine thread but a refusal, so an unknown bot comes back empty.
        return engine.read(e -> e.hasBot(account, bot)
                ? java.util.Optional.<Map<String, String>>of(new TreeMap<>(risk.botLimits(bot).toMap()))
                : java.util.Optional.<Map<String, String>>empty()).orElseThrow(() -> noBot(account, bot));
    }

    /**
     * Changes some of a bot's limits; audited like the account's, as {@code risk.bot-limits} on the bot.
     *
     * @throws ApiError 403 without RISK or ADMIN, 404 for a bot not on the account, 400 naming each key at fault
     */
    public Map<String, String> setBotLimits(Principal principal, Caller caller, AccountId account, BotId bot,
                                            Map<String, String> changes) {
        if (!principal.has(Role.RISK) && !principal.has(Role.ADMIN)) {
            throw ApiError.forbidden("changing risk limits needs the RISK or ADMIN role");
        }
        portfolios.requireVisible(principal, account);
        if (!engine.read(e -> e.hasBot(account, bot))) {
            throw noBot(account, bot);
        }
        if (changes.isEmpty()) {
            throw ApiError.invalidField("limits", "name at least one limit to change");
        }
        CommandResult result = engine.change(e -> e.execute(new SetBotLimits(account, bot, changes,
                principal.username()), r -> caller.entry(account, "risk.bot-limits", bot.value(), r.accepted() ? "ok"
                : "refused " + r.reasonCode(), new TreeMap<>(changes).toString()))).value();
        changed.run();
        if (!result.accepted()) {
            if (result.reasonCode().equals("ORDER_UNKNOWN_BOT")) {
                throw noBot(account, bot); // deleted since the look above
            }
            throw ApiError.invalid(result.message(), keysAtFault(changes, result.message()));
        }
        return botLimits(principal, account, bot);
    }

    /** Every key of {@code changes} that is wrong on its own, each with its message; else the engine's. */
    private static List<ApiError.FieldError> keysAtFault(Map<String, String> changes, String message) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        new TreeMap<>(changes).forEach((key, value) -> {
            try {
                BotLimits.NONE.with(key, value);
            } catch (IllegalArgumentException e) {
                errors.add(new ApiError.FieldError("limits." + key, e.getMessage()));
            }
        });
        return errors.isEmpty() ? List.of(new ApiError.FieldError("limits", message)) : errors;
    }

    private static ApiError noBot(AccountId account, BotId bot) {
        return ApiError.notFound("no bot " + bot + " on account " + account);
    }

    /** The trading states the caller may see. */
    public States states(Principal principal) {
        return engine.read(e -> {
            Map<String, String> accounts = new LinkedHashMap<>();
            for (AccountId account : e.accounts()) {
                if (principal.sees(account)) {
                    accounts.put(account.value(), e.tradingState(account).name());
                }
            }
            return new States(e.tradingState(AccountId.SYSTEM).name(), accounts);
        });
    }

    /**
     * Throws the kill switch on one account, or on everything when {@code account} is empty: new
     * orders halt, open orders are cancelled, and with {@code flatten} positions are closed.
     */
    public States kill(Principal principal, Caller caller, java.util.Optional<AccountId> account, String reason,
                       boolean flatten) {
        requireRisk(principal, account);
        if (flatten) {
            requireWholeScope(principal, account, "flattening every account");
        }
        AccountId scope = account.orElse(AccountId.SYSTEM);
        engine.change(e -> e.execute(new ActivateKillSwitch(scope, BotId.NONE, reason, flatten, principal.username()),
                r -> caller.entry(scope, "risk.kill-switch", scope.value(), r.accepted() ? "ok" : "refused "
                        + r.reasonCode(), reason + (flatten ? " (flatten)" : ""))));
        changed.run();
        return states(principal);
    }

    /** Lifts a halt on one account, or the global one. */
    public States reset(Principal principal, Caller caller, java.util.Optional<AccountId> account, String reason) {
        requireRisk(principal, account);
        requireWholeScope(principal, account, "lifting the global halt");
        AccountId scope = account.orElse(AccountId.SYSTEM);
        CommandResult result = engine.change(e -> e.execute(new ResetKillSwitch(scope, BotId.NONE, reason,
                principal.username()), r -> caller.entry(scope, "risk.reset", scope.value(), r.accepted() ? "ok"
                : "refused " + r.reasonCode(), reason))).value();
        changed.run();
        if (!result.accepted()) {
            throw new ApiError(409, "state", "Cannot reset", result.message(), List.of(),
                    Map.of("reasonCode", result.reasonCode()));
        }
        return states(principal);
    }

    /**
     * Halting everything is open to every RISK user (it is the safe direction); flattening every
     * account or lifting the global halt needs every account granted.
     */
    private void requireWholeScope(Principal principal, java.util.Optional<AccountId> account, String what) {
        if (account.isEmpty() && !principal.accounts().containsAll(engine.read(e -> e.accounts()))) {
            throw ApiError.forbidden(what + " needs every account granted to you; name an account");
        }
    }

    private void requireRisk(Principal principal, java.util.Optional<AccountId> account) {
        if (!principal.has(Role.RISK)) {
            throw ApiError.forbidden("the kill switch needs the RISK role");
        }
        account.ifPresent(a -> portfolios.requireVisible(principal, a));
    }
}
