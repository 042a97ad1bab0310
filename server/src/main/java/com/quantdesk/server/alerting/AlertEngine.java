package com.quantdesk.server.alerting;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.server.notify.Notification;
import com.quantdesk.server.trading.Alerts;
import com.quantdesk.server.trading.Alerts.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quantdesk's own alerting, for a machine without Prometheus: the {@link AlertRules} evaluated over the
 * process's meters every few seconds, and the engine's risk alerts and halts as they happen.
 *
 * <ul>
 *   <li><b>Pending, firing, resolved.</b> A condition must hold for its rule's {@code holdFor} before
 *       the alert fires; it resolves at the first evaluation it no longer holds.</li>
 *   <li><b>De-duplication.</b> One alert per rule and series (an account, a symbol) while it fires;
 *       it is notified when it fires, again every {@code repeatEvery} while it fires unacknowledged,
 *       and once when it resolves.</li>
 *   <li><b>Grouping.</b> Alerts of one rule and account that fire at the same evaluation go out as
 *       one notification (ten silent symbols are one message).</li>
 *   <li><b>Acknowledgement.</b> An acknowledged alert is not repeated; who and when are kept.</li>
 *   <li><b>History.</b> Every alert is a row of {@code alert_history}; firing, resolution and
 *       acknowledgement are journaled as audit entries ({@code alert.fired}, {@code alert.resolved},
 *       {@code alert.acknowledged}).</li>
 * </ul>
 *
 * <p>Evaluations run on the caller's thread ({@link #evaluate()}, which the server schedules on a
 * thread of its own); {@link #onEvent} runs on the engine thread and only hands notifications on.
 */
public final class AlertEngine implements EngineListener {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    /**
     * An alert as the API shows it.
     *
     * @param since   when it fired (or, pending, when its condition began to hold), ISO-8601
     * @param ackedBy who acknowledged it, or null
     * @param ackedAt when, ISO-8601, or null
     */
    public record ActiveAlert(String id, String rule, String severity, String account, Map<String, String> labels,
                              String summary, String runbook, String state, String since, String ackedBy,
                              String ackedAt) {
    }

    private static final class State {
        final String id = UUID.randomUUID().toString();
        final AlertRule rule;
        final AlertRule.Finding finding;
        final Instant pendingSince;
        Instant firedAt;
        Instant lastNotified;
        String ackedBy;
        Instant ackedAt;
        AlertRule.Finding latest;

        State(AlertRule rule, AlertRule.Finding finding, Instant pendingSince) {
            this.rule = rule;
            this.finding = finding;
            this.latest = finding;
            this.pendingSince = pendingSince;
        }
    }

    private final List<AlertRule> rules;
    private final MetricView metrics;
    private final AlertHistory history;
    private final Consumer<Notification> notifier;
    private final Consumer<AuditEntry> audit;
    private final InstantSource clock;
    private final Duration repeatEvery;
    // rule name + labels -> state; guarded by this.
    private final Map<String, State> states = new LinkedHashMap<>();

    /**
     * @param rules       the rules to evaluate
     * @param registry    the meters they read (and where {@code quantdesk_alerts_active} goes)
     * @param history     the alert history table
     * @param notifier    where notifications go (must not block)
     * @param audit       journals an audit entry (may block; called on the evaluating thread)
     * @param clock       time
     * @param repeatEvery how often a firing, unacknowledged alert is notified again
     */
    public AlertEngine(List<AlertRule> rules, MeterRegistry registry, AlertHistory history,
                       Consumer<Notification> notifier, Consumer<AuditEntry> audit, InstantSource clock,
                       Duration repeatEvery) {
        this.rules = List.copyOf(rules);
        this.metrics = new MetricView(registry);
        this.history = history;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
        this.repeatEvery = repeatEvery;
        for (Severity severity : Severity.values()) {
            Gauge.builder("quantdesk.alerts.active", this, e -> e.firing(severity))
                    .tag("severity", severity.text())
                    .description("Alerts of the in-process alert engine firing and not resolved").register(registry);
        }
    }

    /** Evaluates every rule once: fires, repeats and resolves alerts. */
    public void evaluate() {
        Instant now = clock.instant();
        metrics.sample(now);
        Map<String, List<State>> fired = new LinkedHashMap<>();
        List<State> repeated = new ArrayList<>();
        List<State> resolved = new ArrayList<>();
        synchronized (this) {
            java.util.Set<String> holding = new java.util.HashSet<>();
            for (AlertRule rule : rules) {
                List<AlertRule.Finding> findings;
                try {
                    findings = rule.condition().find(metrics);
                } catch (RuntimeException e) {
                    LOG.warn("alert rule {} could not be evaluated: {}", rule.name(), e.toString());
                    continue;
                }
                for (AlertRule.Finding finding : findings) {
                    String key = key(rule, finding);
                    holding.add(key);
                    State state = states.computeIfAbsent(key, k -> new State(rule, finding, now));
                    state.latest = finding;
                    if (state.firedAt == null) {
                        if (!now.isBefore(state.pendingSince.plus(rule.holdFor()))) {
                            state.firedAt = now;
                            state.lastNotified = now;
                            fired.computeIfAbsent(rule.name() + "|" + finding.account(), k -> new ArrayList<>())
                                    .add(state);
                        }
                    } else if (state.ackedBy == null && !now.isBefore(state.lastNotified.plus(repeatEvery))) {
                        state.lastNotified = now;
                        repeated.add(state);
                    }
                }
            }
            states.entrySet().removeIf(entry -> {
                if (holding.contains(entry.getKey())) {
                    return false;
                }
                if (entry.getValue().firedAt != null) {
                    resolved.add(entry.getValue());
                }
                return true;
            });
        }
        for (List<State> group : fired.values()) {
            for (State s : group) {
                history.fired(s.id, s.rule, s.latest, s.firedAt);
                record(s, "alert.fired", s.latest.summary());
            }
            notifier.accept(notification(group, "", now));
        }
        for (State s : repeated) {
            notifier.accept(notification(List.of(s), "Still firing: ", now));
        }
        for (State s : resolved) {
            history.resolved(s.id, now);
            record(s, "alert.resolved", "resolved after " + Duration.between(s.firedAt, now).toSeconds() + " s");
            notifier.accept(new Notification(s.id + ":resolved", Severity.INFO, s.latest.account(), s.rule.name(),
                    "Resolved: " + s.rule.name(), s.latest.summary() + " (no longer so)", now));
        }
    }

    /**
     * Acknowledges a firing alert: it is not repeated any more.
     *
     * @return false when no alert with that id fires now
     */
    public boolean acknowledge(String id, String actor) {
        State acked = null;
        Instant now = clock.instant();
        synchronized (this) {
            for (State s : states.values()) {
                if (s.id.equals(id) && s.firedAt != null) {
                    if (s.ackedBy == null) {
                        s.ackedBy = actor;
                        s.ackedAt = now;
                    }
                    acked = s;
                }
            }
        }
        if (acked == null) {
            return false;
        }
        history.acknowledged(id, acked.ackedBy, acked.ackedAt);
        audit.accept(new AuditEntry(actor, "", AccountId.of(acked.latest.account()), "alert.acknowledged",
                acked.rule.name(), "ok", "", "", acked.id));
        return true;
    }

    /** The alerts firing now (and, with {@code pending}, those waiting out their rule's holdFor), newest first. */
    public synchronized List<ActiveAlert> active(boolean pending) {
        List<ActiveAlert> list = new ArrayList<>();
        for (State s : states.values()) {
            if (s.firedAt == null && !pending) {
                continue;
            }
            list.add(new ActiveAlert(s.id, s.rule.name(), s.rule.severity().text(), s.latest.account(),
                    new TreeMap<>(s.latest.labels()), s.latest.summary(), s.rule.runbook(),
                    s.firedAt == null ? "pending" : "firing",
                    (s.firedAt == null ? s.pendingSince : s.firedAt).toString(), s.ackedBy,
                    s.ackedAt == null ? null : s.ackedAt.toString()));
        }
        list.sort(java.util.Comparator.comparing(ActiveAlert::since).reversed());
        return list;
    }

    /** The rules evaluated. */
    public List<AlertRule> rules() {
        return rules;
    }

    private synchronized double firing(Severity severity) {
        return states.values().stream().filter(s -> s.firedAt != null && s.rule.severity() == severity).count();
    }

    /** The engine's risk alerts and halts, notified as they happen (engine thread: only hands them on). */
    @Override
    public void onEvent(Event event) {
        switch (event) {
            case RiskAlert a -> notifier.accept(new Notification("engine:" + a.sequence(), Alerts.severity(a),
                    a.account().value(), a.code(), a.code() + " on " + a.account().value(), a.message(), a.time()));
            case TradingStateChanged c when c.current() != TradingState.ACTIVE || c.previous() != TradingState.ACTIVE ->
                    notifier.accept(new Notification("engine:" + c.sequence(), Alerts.severity(c.current()),
                            c.account().value(), "TRADING_" + c.current().name(),
                            "Trading " + c.current().name() + " on " + c.account().value(),
                            c.previous() + " → " + c.current() + ": " + c.reason() + " (by " + c.actor() + ")", c.time()));
            default -> { }
        }
    }

    private void record(State s, String action, String detail) {
        audit.accept(new AuditEntry("alerts", "", AccountId.of(s.latest.account()), action, s.rule.name(),
                s.rule.severity().text(), "", "", s.id + " " + detail));
    }

    private static Notification notification(List<State> group, String prefix, Instant now) {
        State first = group.getFirst();
        String message = group.size() == 1 ? first.latest.summary()
                : group.size() + " at once: " + group.stream().map(s -> s.latest.summary())
                .collect(Collectors.joining("; "));
        return new Notification(first.id + (prefix.isEmpty() ? "" : ":" + now.toEpochMilli()), first.rule.severity(),
                first.latest.account(), first.rule.name(), prefix + first.rule.name(),
                message + " — runbook: " + first.rule.runbook(), first.firedAt);
    }

    private static String key(AlertRule rule, AlertRule.Finding finding) {
        return rule.name() + new TreeMap<>(finding.labels()) + finding.account();
    }
}
