package com.quantdesk.core.engine;

import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.portfolio.Position;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/** Writes out what decides orders as sorted facts, for {@link TradingEngine#describeState()}. */
final class StateDescription {

    private StateDescription() {
    }

    static SortedMap<String, String> of(EngineState state, EngineBots bots, RiskHook risk, long lastSequence,
                                        Instant asOf) {
        SortedMap<String, String> facts = new TreeMap<>();
        facts.put("journal/lastSequence", Long.toString(lastSequence));
        facts.put("state/_global", state.globalState.name());
        for (Portfolio p : state.portfolioList) {
            String prefix = "account/" + p.account() + "/";
            facts.put(prefix + "initialCash", Long.toString(p.initialCash()));
            facts.put(prefix + "cash", Long.toString(p.cash()));
            facts.put(prefix + "charges", Long.toString(p.chargesPaid()));
            facts.put(prefix + "realized", Long.toString(p.realizedPnl()));
            facts.put(prefix + "state", state.stateAt(p.account(), BotId.NONE).name());
            positions(facts, prefix, p);
        }
        for (Order o : state.openOrders.values()) {
            String cancel = state.cancelRequests.get(o.id());
            facts.put("order/" + o.id().value(), o.status() + " filled " + o.filledQuantity() + "/"
                    + o.request().quantity() + (cancel == null ? "" : " cancel asked: " + cancel));
        }
        for (BotId id : bots.ids()) {
            BotRuntime bot = bots.get(id);
            String prefix = "bot/" + id + "/";
            facts.put(prefix + "state", bot.state().name());
            facts.put(prefix + "tradingState", state.stateAt(bot.account(), id).name());
            facts.put(prefix + "cash", Long.toString(bot.book().cash()));
            facts.put(prefix + "charges", Long.toString(bot.book().chargesPaid()));
            facts.put(prefix + "realized", Long.toString(bot.book().realizedPnl()));
            positions(facts, prefix, bot.book());
        }
        if (risk != null) {
            risk.describe(facts, asOf);
        }
        return facts;
    }

    private static void positions(SortedMap<String, String> facts, String prefix, Portfolio portfolio) {
        for (Position position : portfolio.positions()) {
            if (position.quantity() != 0 || position.realizedPnl() != 0) {
                facts.put(prefix + "position/" + position.symbol() + "/" + position.product(), position.quantity()
                        + " cost " + position.costBasis() + " realized " + position.realizedPnl());
            }
        }
    }
}
