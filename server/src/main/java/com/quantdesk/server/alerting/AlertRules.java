package com.quantdesk.server.alerting;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.trading.Alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * The rules the in-process alert engine evaluates: those of {@code ops/prometheus/rules} that one
 * process can judge from its own meters, with the same names, thresholds and severities. Rules that
 * need quantiles over histograms (API and fill latency, journal commit p99), several processes
 * ({@code TargetDown}) or Prometheus' own view are left to Prometheus.
 */
public final class AlertRules {

    private static final String SYSTEM = AccountId.SYSTEM.value();
    private static final String INCIDENT = "docs/runbooks/incident-response.md";
    private static final String BROKER = "docs/runbooks/broker-outage.md";
    private static final String DATABASE = "docs/runbooks/database-failover.md";
    private static final String BACKUP = "docs/runbooks/backup-and-restore.md";
    private static final String SCALING = "docs/runbooks/scaling.md";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private AlertRules() {
    }

    /** Every rule, in a stable order. */
    public static List<AlertRule> standard() {
        List<AlertRule> rules = new ArrayList<>();
        // Trading and risk.
        rules.add(new AlertRule("QuantdeskDailyLossLimitHit", Severity.CRITICAL, Duration.ZERO, INCIDENT, m -> {
            List<AlertRule.Finding> found = new ArrayList<>();
            for (MetricView.Series limit : m.gauges("quantdesk.account.daily.loss.limit")) {
                String account = limit.tag("account");
                double loss = value(m, "quantdesk.account.daily.loss", "account", account);
                if (limit.value() > 0 && loss >= limit.value()) {
                    found.add(new AlertRule.Finding(Map.of("account", account), account, "account " + account
                            + " lost ₹" + rupees(loss) + " today, at or beyond its daily loss limit of ₹"
                            + rupees(limit.value())));
                }
            }
            return found;
        }));
        rules.add(perAccount("QuantdeskKillSwitchActive", Severity.CRITICAL, Duration.ZERO, INCIDENT,
                "quantdesk.account.kill.switch", v -> v == 1, (a, v) -> "the kill switch holds account " + a
                        + " halted"));
        rules.add(perAccount("QuantdeskTradingReducing", Severity.WARNING, Duration.ofMinutes(1), INCIDENT,
                "quantdesk.account.trading.state", v -> v == 1, (a, v) -> "account " + a
                        + " accepts only orders that reduce exposure"));
        rules.add(process("QuantdeskOrderRejectRateHigh", Severity.WARNING, Duration.ofMinutes(2), INCIDENT, m -> {
            double submitted = m.increase("quantdesk.orders", Map.of("outcome", "submitted"), FIVE_MINUTES);
            double rejected = m.increase("quantdesk.orders", Map.of("outcome", "rejected"), FIVE_MINUTES);
            return submitted > 0 && rejected / submitted > 0.01 ? String.format(Locale.ROOT,
                    "%.0f of %.0f orders (%.1f%%) were rejected in 5 minutes", rejected, submitted,
                    100 * rejected / submitted) : null;
        }));
        rules.add(process("QuantdeskRiskDenialSpike", Severity.WARNING, Duration.ZERO, INCIDENT, m -> {
            double denied = m.increase("quantdesk.risk.denials", Map.of(), FIVE_MINUTES);
            return denied > 20 ? String.format(Locale.ROOT, "the risk engine denied %.0f orders in 5 minutes", denied)
                    : null;
        }));
        rules.add(perAccount("QuantdeskPositionConcentrationHigh", Severity.WARNING, FIVE_MINUTES, INCIDENT,
                "quantdesk.account.concentration", v -> v > 0.25, (a, v) -> String.format(Locale.ROOT,
                        "account %s holds %.0f%% of its equity in one position", a, 100 * v)));
        rules.add(new AlertRule("QuantdeskBotHalted", Severity.WARNING, Duration.ofMinutes(1), INCIDENT, m -> {
            List<AlertRule.Finding> found = new ArrayList<>();
            for (MetricView.Series bot : m.gauges("quantdesk.bot.halted")) {
                if (bot.value() == 1) {
                    found.add(new AlertRule.Finding(Map.of("bot", bot.tag("bot")), bot.tag("account"), "bot "
                            + bot.tag("bot") + " of account " + bot.tag("account") + " is paused"));
                }
            }
            return found;
        }));
        rules.add(process("QuantdeskEngineInboxBacklog", Severity.WARNING, Duration.ofMinutes(1), SCALING,
                above("quantdesk.engine.inbox.depth", 500, "%.0f messages wait for the engine thread")));
        // Broker and market data.
        rules.add(new AlertRule("QuantdeskBrokerCircuitOpen", Severity.CRITICAL, Duration.ofSeconds(30), BROKER,
                m -> {
                    List<AlertRule.Finding> found = new ArrayList<>();
                    for (MetricView.Series c : m.gauges("quantdesk.kite.circuit.state")) {
                        if (c.value() == 1) {
                            found.add(new AlertRule.Finding(Map.of("endpoint_class", c.tag("endpoint_class")), SYSTEM,
                                    "Kite's circuit breaker for " + c.tag("endpoint_class") + " calls is open"));
                        }
                    }
                    return found;
                }));
        rules.add(process("QuantdeskKiteSessionInvalid", Severity.CRITICAL, Duration.ZERO, BROKER, m ->
                m.gauge("quantdesk.kite.session.valid") == 0 ? "Kite refused the access token: log in again" : null));
        rules.add(process("QuantdeskKiteTokenExpiresInSession", Severity.CRITICAL, Duration.ZERO, BROKER, m -> {
            double expiry = m.gauge("quantdesk.kite.session.expiry");
            if (Double.isNaN(expiry) || m.gauge("quantdesk.market.open") != 1) {
                return null;
            }
            Instant close = m.now().atZone(IST).toLocalDate().atTime(15, 30).atZone(IST).toInstant();
            return expiry < close.getEpochSecond() ? "the Kite access token expires at "
                    + Instant.ofEpochSecond((long) expiry) + ", before the session closes" : null;
        }));
        rules.add(new AlertRule("QuantdeskMarketDataStale", Severity.WARNING, Duration.ofSeconds(30), BROKER, m -> {
            List<AlertRule.Finding> found = new ArrayList<>();
            if (m.gauge("quantdesk.market.open") == 1) {
                for (MetricView.Series s : m.gauges("quantdesk.feed.staleness")) {
                    if (s.value() > 5) {
                        found.add(new AlertRule.Finding(Map.of("symbol", s.tag("symbol")), SYSTEM, String.format(
                                Locale.ROOT, "no tick for %s for %.0f s in session", s.tag("symbol"), s.value())));
                    }
                }
            }
            return found;
        }));
        rules.add(process("QuantdeskFeedOnFallback", Severity.WARNING, Duration.ofMinutes(2), BROKER, m ->
                value(m, "quantdesk.feed.source", "source", "fallback") == 1
                        ? "market data comes from the fallback source" : null));
        // Journal, database, Redis.
        rules.add(process("QuantdeskJournalBacklogHigh", Severity.WARNING, Duration.ofMinutes(1), DATABASE,
                above("quantdesk.journal.backlog", 1000, "%.0f events wait to be committed to the journal")));
        rules.add(process("QuantdeskJournalCommitFailures", Severity.CRITICAL, Duration.ZERO, DATABASE, m -> {
            double failed = m.increase("quantdesk.journal.commit.failures", Map.of(), FIVE_MINUTES);
            return failed > 0 ? String.format(Locale.ROOT, "%.0f journal commits failed in 5 minutes (each is "
                    + "retried)", failed) : null;
        }));
        rules.add(process("QuantdeskDatabaseDown", Severity.CRITICAL, Duration.ofSeconds(30), DATABASE, m ->
                m.gauge("quantdesk.database.up") == 0 ? "the database does not answer" : null));
        rules.add(process("QuantdeskDbPoolSaturated", Severity.WARNING, Duration.ofMinutes(2), DATABASE, m -> {
            double max = m.gauge("quantdesk.db.pool.max.connections");
            return max > 0 && m.gauge("quantdesk.db.pool.active.connections") / max >= 0.9
                    && m.gauge("quantdesk.db.pool.pending.threads") > 0
                    ? "the database connection pool is full and threads wait for a connection" : null;
        }));
        rules.add(process("QuantdeskRedisDown", Severity.CRITICAL, Duration.ofMinutes(1), DATABASE, m ->
                m.gauge("quantdesk.redis.configured") == 1 && m.gauge("quantdesk.redis.up") == 0
                        ? "Redis does not answer: protected routes fail closed" : null));
        // Backups.
        rules.add(process("QuantdeskBackupOverdue", Severity.WARNING, FIVE_MINUTES, BACKUP, m -> {
            if (m.gauge("quantdesk.backup.configured") != 1) {
                return null;
            }
            double last = m.gauge("quantdesk.backup.last.success");
            double interval = m.gauge("quantdesk.backup.interval");
            double uptime = m.gauge("process.uptime");
            double now = m.now().getEpochSecond();
            boolean overdue = last > 0 ? now - last > 2 * interval : uptime > 2 * interval;
            return overdue ? "no scheduled backup succeeded for more than twice the interval" : null;
        }));
        rules.add(process("QuantdeskBackupFailing", Severity.WARNING, Duration.ZERO, BACKUP, m -> {
            double failed = m.increase("quantdesk.backup.failures", Map.of(), Duration.ofHours(1));
            return failed > 0 ? "a scheduled backup failed in the last hour" : null;
        }));
        rules.add(process("QuantdeskRestoreTestOverdue", Severity.WARNING, Duration.ofHours(1), BACKUP, m ->
                m.gauge("quantdesk.backup.configured") == 1
                        && m.now().getEpochSecond() - m.gauge("quantdesk.restore.test.last.success") > 8 * 86_400
                        ? "no restore test passed in 8 days" : null));
        // Security and notifications.
        rules.add(process("QuantdeskLoginFailureSpike", Severity.WARNING, Duration.ZERO, INCIDENT, m -> {
            double failed = m.increase("quantdesk.logins", Map.of("outcome", "failure"), FIVE_MINUTES)
                    + m.increase("quantdesk.logins", Map.of("outcome", "locked"), FIVE_MINUTES);
            return failed > 10 ? String.format(Locale.ROOT, "%.0f failed sign-ins in 5 minutes", failed) : null;
        }));
        rules.add(process("QuantdeskNotificationsFailing", Severity.WARNING, Duration.ZERO, INCIDENT, m -> {
            double failed = m.increase("quantdesk.notifications", Map.of("outcome", "failed"), Duration.ofMinutes(15));
            return failed > 0 ? String.format(Locale.ROOT, "%.0f notifications could not be delivered in 15 minutes",
                    failed) : null;
        }));
        // The machine.
        rules.add(process("QuantdeskDiskSpaceCritical", Severity.CRITICAL, FIVE_MINUTES, DATABASE, m -> {
            double free = m.gauge("disk.free");
            double total = m.gauge("disk.total");
            return total > 0 && free / total < 0.10 ? String.format(Locale.ROOT,
                    "the data directory's disk has %.1f%% free", 100 * free / total) : null;
        }));
        rules.add(process("QuantdeskHeapHigh", Severity.WARNING, FIVE_MINUTES, SCALING, m -> {
            double used = 0;
            double max = 0;
            for (MetricView.Series s : m.gauges("jvm.memory.used")) {
                used += s.tag("area").equals("heap") ? s.value() : 0;
            }
            for (MetricView.Series s : m.gauges("jvm.memory.max")) {
                max += s.tag("area").equals("heap") && s.value() > 0 ? s.value() : 0;
            }
            return max > 0 && used / max > 0.9 ? String.format(Locale.ROOT, "the heap is %.0f%% full", 100 * used / max)
                    : null;
        }));
        return List.copyOf(rules);
    }

    /** A rule over a per-account gauge. */
    private static AlertRule perAccount(String name, Severity severity, Duration holdFor, String runbook, String gauge,
                                        DoublePredicate wrong,
                                        java.util.function.BiFunction<String, Double, String> summary) {
        return new AlertRule(name, severity, holdFor, runbook, m -> {
            List<AlertRule.Finding> found = new ArrayList<>();
            for (MetricView.Series s : m.gauges(gauge)) {
                if (wrong.test(s.value())) {
                    String account = s.tag("account");
                    found.add(new AlertRule.Finding(Map.of("account", account), account,
                            summary.apply(account, s.value())));
                }
            }
            return found;
        });
    }

    /** A rule about the whole process: its summary when wrong, null when not. */
    private static AlertRule process(String name, Severity severity, Duration holdFor, String runbook,
                                     Function<MetricView, String> summary) {
        return new AlertRule(name, severity, holdFor, runbook, m -> {
            String wrong = summary.apply(m);
            return wrong == null ? List.of() : List.of(new AlertRule.Finding(Map.of(), SYSTEM, wrong));
        });
    }

    private static Function<MetricView, String> above(String gauge, double limit, String format) {
        return m -> {
            double v = m.gauge(gauge);
            return v > limit ? String.format(Locale.ROOT, format, v) : null;
        };
    }

    private static double value(MetricView m, String gauge, String tag, String value) {
        for (MetricView.Series s : m.gauges(gauge)) {
            if (s.tag(tag).equals(value)) {
                return s.value();
            }
        }
        return Double.NaN;
    }

    private static String rupees(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
