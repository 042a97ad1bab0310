package com.quantdesk.server.trading;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.db.Sql;
import com.quantdesk.store.journal.EncodedEvent;
import com.quantdesk.store.journal.EventCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recent alerts, newest first, read from the journal: its {@link RiskAlert} and
 * {@link TradingStateChanged} events, the ones the stream's {@code alerts} channel carries. Each type
 * is read by the {@code events (type, sequence)} index from the newest backwards, at most
 * {@code limit} rows, so the cost does not grow with the journal.
 *
 * <p>Severity: a halt is {@code critical} (a {@code TradingStateChanged} to HALTED, and the alerts
 * that halt or stop trading: {@code KILL_SWITCH}, {@code RISK_MAX_DAILY_LOSS},
 * {@code RISK_REJECT_SPIKE}, {@code RISK_STALE_DATA}, {@code ENGINE_ERROR}); a restriction or
 * something an operator should look at is {@code warning} (a change to REDUCING, and every other
 * alert code, such as {@code RISK_MIS_SQUAREOFF}, {@code RISK_STALE_MARKS} or
 * {@code BOT_STRATEGY_FAILED}); a return to ACTIVE is {@code info}.
 */
public final class Alerts {

    /** How urgent an alert is. */
    public enum Severity {
        /** Trading stopped or is about to: someone must act. */
        CRITICAL,
        /** Trading is restricted or something failed: someone should look. */
        WARNING,
        /** For the record. */
        INFO;

        /** The name the API shows. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An alert as the API shows it.
     *
     * @param seq      the journal sequence of its event
     * @param time     engine time
     * @param account  the account, or {@code SYSTEM} for every account
     * @param bot      the bot, or null
     * @param code     the alert's code, or {@code TRADING_<STATE>} for a trading state change
     * @param message  what happened
     * @param severity {@code critical}, {@code warning} or {@code info}
     */
    public record AlertView(long seq, String time, String account, String bot, String code, String message,
                            String severity) {
    }

    private static final Set<String> CRITICAL_CODES = Set.of("KILL_SWITCH", "RISK_MAX_DAILY_LOSS",
            "RISK_REJECT_SPIKE", "RISK_STALE_DATA", "ENGINE_ERROR");
    private static final List<String> TYPES = List.of("RiskAlert", "TradingStateChanged");

    private final Sql sql;
    private final EventCodec codec = new EventCodec();

    /** @param sql the store's database */
    public Alerts(Sql sql) {
        this.sql = sql;
    }

    /**
     * The newest alerts of the caller's accounts and the system-wide ones, or of one account only.
     * The account must already be checked as visible to the caller.
     */
    public List<AlertView> recent(Principal principal, Optional<AccountId> account, int limit) {
        List<Object> accounts = new ArrayList<>();
        if (account.isPresent()) {
            accounts.add(account.get().value());
        } else {
            accounts.add(AccountId.SYSTEM.value());
            principal.accounts().forEach(a -> accounts.add(a.value()));
        }
        String in = "?" + ", ?".repeat(accounts.size() - 1);
        List<Event> events = new ArrayList<>();
        for (String type : TYPES) {
            List<Object> parameters = new ArrayList<>();
            parameters.add(type);
            parameters.addAll(accounts);
            parameters.add(limit);
            events.addAll(sql.list("SELECT sequence, time, type, account, bot, causation_id, payload FROM events "
                    + "WHERE type = ? AND account IN (" + in + ") ORDER BY sequence DESC LIMIT ?",
                    r -> codec.decode(new EncodedEvent(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getLong(6), r.getString(7))), parameters.toArray()));
        }
        return events.stream().sorted(Comparator.comparingLong(Event::sequence).reversed()).limit(limit)
                .map(Alerts::view).toList();
    }

    /** The view of a {@link RiskAlert} or {@link TradingStateChanged}. */
    static AlertView view(Event event) {
        String account = event.account().equals(AccountId.SYSTEM) ? "SYSTEM" : event.account().value();
        String bot = event.bot().equals(BotId.NONE) ? null : event.bot().value();
        return switch (event) {
            case RiskAlert a -> new AlertView(a.sequence(), a.time().toString(), account, bot, a.code(), a.message(),
                    severity(a).text());
            case TradingStateChanged t -> new AlertView(t.sequence(), t.time().toString(), account, bot,
                    "TRADING_" + t.current().name(), t.previous() + " -> " + t.current() + ": " + t.reason()
                    + " (by " + t.actor() + ")", severity(t.current()).text());
            default -> throw new IllegalArgumentException("not an alert: " + event.getClass().getSimpleName());
        };
    }

    /** A risk alert's severity by its code. */
    public static Severity severity(RiskAlert alert) {
        return CRITICAL_CODES.contains(alert.code()) ? Severity.CRITICAL : Severity.WARNING;
    }

    /** A trading state change's severity by the state it reached. */
    public static Severity severity(TradingState reached) {
        return switch (reached) {
            case HALTED -> Severity.CRITICAL;
            case REDUCING -> Severity.WARNING;
            case ACTIVE -> Severity.INFO;
        };
    }
}
