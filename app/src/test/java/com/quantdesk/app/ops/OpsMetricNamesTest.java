package com.quantdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The metric names the rules and dashboards read, and that each of them is in the catalogue of docs/monitoring.md. */
class OpsMetricNamesTest {

    @Test
    void keepsTheSeriesOfASelectorAndDropsItsLabelMatchers() {
        assertThat(OpsMetricNames.inExpression("quantdesk_account_kill_switch{account=\"alpha\", x=~\"a|b\"} == 1"))
                .containsExactly("quantdesk_account_kill_switch");
    }

    @Test
    void dropsFunctionsAggregationsGroupingAndRanges() {
        String p95 = "histogram_quantile(0.95, sum by (job, instance, le) "
                + "(rate(quantdesk_http_requests_seconds_bucket{status=~\"5..\"}[5m]))) > 0.2";
        assertThat(OpsMetricNames.inExpression(p95)).containsExactly("quantdesk_http_requests_seconds_bucket");
    }

    @Test
    void reportsHistogramSeriesAsTheyAreScraped() {
        String mean = "sum(rate(quantdesk_journal_batch_events_sum[5m])) / sum(rate(quantdesk_journal_batch_events_count[5m]))";
        assertThat(OpsMetricNames.inExpression(mean))
                .containsExactly("quantdesk_journal_batch_events_count", "quantdesk_journal_batch_events_sum");
    }

    @Test
    void dropsSetOperatorsVectorMatchingAndBool() {
        String expr = "quantdesk_redis_up == bool 0 and on (job, instance) quantdesk_redis_configured == 1 "
                + "or ignoring(instance) group_left(account) absent(up{job=\"quantdesk\"}) "
                + "unless on() vector(0) AND quantdesk_market_open";
        assertThat(OpsMetricNames.inExpression(expr))
                .containsExactly("quantdesk_market_open", "quantdesk_redis_configured", "quantdesk_redis_up", "up");
    }

    @Test
    void dropsRecordingRuleNamesNumbersDurationsAndOffsets() {
        String expr = "quantdesk:order_reject_ratio:5m > 1e-2 * clamp_min(rate(quantdesk_orders_total[1h30m] offset 1d), 0x10)"
                + " - time() % 86400 + min(abs(quantdesk_feed_staleness_seconds)) + count(max(avg(process_cpu_usage)))"
                + " + increase(quantdesk_rate_limited_total[5m:1m]) + Inf - NaN";
        assertThat(OpsMetricNames.inExpression(expr)).containsExactly(
                "process_cpu_usage", "quantdesk_feed_staleness_seconds", "quantdesk_orders_total",
                "quantdesk_rate_limited_total");
    }

    @Test
    void dropsGrafanaTemplateVariablesAndStringArguments() {
        String expr = "sum by (account) (quantdesk_account_equity_rupees{account=~\"$account\"}) "
                + "/ rate(quantdesk_orders_total{instance=~\"${instance}\"}[$__rate_interval]) "
                + "+ label_replace(quantdesk_bot_halted, \"dst\", \"$1\", \"bot\", \"(.*)\")";
        assertThat(OpsMetricNames.inExpression(expr)).containsExactly(
                "quantdesk_account_equity_rupees", "quantdesk_bot_halted", "quantdesk_orders_total");
    }

    @Test
    void findsNothingInAnExpressionOfConstants() {
        assertThat(OpsMetricNames.inExpression("vector(1) + time() - 36000 % 86400")).isEmpty();
    }

    @Test
    void readsTheRulesAndTheDashboards() {
        assertThat(OpsMetricNames.inOps())
                .contains("quantdesk_account_kill_switch", "quantdesk_http_requests_seconds_bucket", "up",
                        "quantdesk_feed_staleness_seconds", "quantdesk_bot_pnl_rupees")
                .allSatisfy(name -> assertThat(name).doesNotContain(":"));
    }

    @Test
    void everyMetricTheRulesAndDashboardsReadIsInTheCatalogue() throws IOException {
        Set<String> allowed = scrapedNamesOfTheCatalogue();
        Set<String> missing = new TreeSet<>(OpsMetricNames.inOps());
        missing.removeAll(allowed);
        assertThat(missing).as("metrics read by ops/ but not in docs/monitoring.md").isEmpty();
    }

    // A catalogue row: | `name` | type | labels | meaning |
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_][a-z0-9_]*)` \\| (\\w+) \\|", Pattern.MULTILINE);
    private static final Pattern PROCESS_METER = Pattern.compile("`((?:jvm|process|disk)_[a-z0-9_]+)`");

    /**
     * The series names a scrape holds for the catalogue: histograms as {@code _bucket}, {@code _sum} and
     * {@code _count}; the process section's Micrometer meters as listed or with those suffixes; and
     * {@code up}, which Prometheus itself records for every target.
     */
    private static Set<String> scrapedNamesOfTheCatalogue() throws IOException {
        String catalogue = Files.readString(OpsFiles.catalogue());
        Set<String> names = new HashSet<>(Set.of("up"));
        Matcher row = ROW.matcher(catalogue);
        while (row.find()) {
            String name = row.group(1);
            switch (row.group(2)) {
                case "histogram" -> List.of("_bucket", "_sum", "_count").forEach(s -> names.add(name + s));
                case "counter" -> names.add(name.endsWith("_total") ? name : name + "_total");
                default -> names.add(name);
            }
        }
        Matcher meter = PROCESS_METER.matcher(catalogue);
        while (meter.find()) {
            String name = meter.group(1);
            names.add(name);
            List.of("_bucket", "_sum", "_count", "_total").forEach(s -> names.add(name + s));
        }
        return names;
    }

    @Test
    void theCatalogueReaderKnowsHistogramsCountersAndGauges() throws IOException {
        assertThat(scrapedNamesOfTheCatalogue())
                .contains("quantdesk_http_requests_seconds_bucket", "quantdesk_orders_total", "quantdesk_market_open",
                        "jvm_gc_pause_seconds_sum", "disk_free_bytes", "up")
                .doesNotContain("quantdesk_http_requests_seconds", "quantdesk_orders_total_total");
    }
}
