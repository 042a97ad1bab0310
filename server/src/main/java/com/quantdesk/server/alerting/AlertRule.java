package com.quantdesk.server.alerting;

import com.quantdesk.server.trading.Alerts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of the in-process alert engine: a condition over the metrics that holds for some series
 * (an account, a symbol, the process), how long it must hold before the alert fires, how severe it
 * is and which runbook says what to do. Named as the Prometheus rule it mirrors.
 *
 * @param name      the alert's name, as in {@code ops/prometheus/rules/quantdesk-alerts.yml}
 * @param severity  critical, warning or info
 * @param holdFor   how long the condition must hold before the alert fires (zero: at once)
 * @param runbook   the runbook, a path in the repository
 * @param condition what is wrong now
 */
public record AlertRule(String name, Alerts.Severity severity, Duration holdFor, String runbook,
                        Condition condition) {

    /** What a rule finds wrong at one evaluation. */
    @FunctionalInterface
    public interface Condition {
        /** The series the condition holds for now, each with its summary. */
        List<Finding> find(MetricView metrics);
    }

    /**
     * The condition holds for one series.
     *
     * @param labels  what tells this series from others of the rule (e.g. {@code symbol=INFY}); may be empty
     * @param account the account concerned, or {@code _system}
     * @param summary what is wrong, in a sentence, with the figures
     */
    public record Finding(Map<String, String> labels, String account, String summary) {

        /** Validates the finding. */
        public Finding {
            labels = Map.copyOf(labels);
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** Validates the rule. */
    public AlertRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(holdFor, "holdFor");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(condition, "condition");
    }
}
