package com.quantdesk.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.store.TestDatabase;
import com.quantdesk.server.db.TestStores;
import com.quantdesk.server.notify.Notification;
import com.quantdesk.server.trading.Alerts.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alert engine over real meters, with its history in a real database and a clock moved by hand:
 * hold times, de-duplication, grouping, repeats, acknowledgement, resolution, history and audit.
 */
class AlertEngineIT {

    static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z"); // 09:30 IST, a Monday

    @TempDir
    Path directory;

    private final TestStores stores = new TestStores();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    private AlertHistory history;

    @AfterEach
    void close() {
        stores.close();
    }

    private AlertEngine engine(Function<Path, TestDatabase> database) {
        stores.open(database, directory);
        history = new AlertHistory(stores.sql());
        return new AlertEngine(AlertRules.standard(), registry, history, sent::add, audited::add, now::get,
                Duration.ofHours(4));
    }

    private void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    private static double[] gauge(MeterRegistry registry, String name, String... tags) {
        double[] value = {0};
        Gauge.builder(name, value, v -> v[0]).tags(tags).register(registry);
        return value;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void aConditionFiresAfterItsHoldTimeOnceThenResolvesWithItsHistoryAndAudit(String name,
            Function<Path, TestDatabase> database) {
        AlertEngine engine = engine(database);
        double[] open = gauge(registry, "quantdesk.market.open");
        double[] infy = gauge(registry, "quantdesk.feed.staleness", "symbol", "INFY");
        double[] tcs = gauge(registry, "quantdesk.feed.staleness", "symbol", "TCS");
        open[0] = 1;
        infy[0] = 12;
        tcs[0] = 9;

        engine.evaluate();
        // Pending: the rule asks for 30 s.
        assertThat(sent).isEmpty();
        assertThat(engine.active(true)).extracting(AlertEngine.ActiveAlert::state).containsExactly("pending",
                "pending");
        advance(Duration.ofSeconds(30));
        engine.evaluate();
        // Both symbols fired at the same evaluation: one notification for the rule.
        assertThat(sent).hasSize(1);
        Notification first = sent.getFirst();
        assertThat(first.code()).isEqualTo("QuantdeskMarketDataStale");
        assertThat(first.severity()).isEqualTo(Severity.WARNING);
        assertThat(first.systemWide()).isTrue();
        assertThat(first.message()).isEqualTo("2 at once: no tick for INFY for 12 s in session; no tick for TCS for 9 s"
                + " in session — runbook: docs/runbooks/broker-outage.md");
        assertThat(registry.get("quantdesk.alerts.active").tag("severity", "warning").gauge().value()).isEqualTo(2.0);

        // Still wrong: no new notification (de-duplicated) until the repeat interval.
        advance(Duration.ofMinutes(1));
        engine.evaluate();
        assertThat(sent).hasSize(1);

        // TCS ticks again: its alert resolves, INFY's goes on.
        tcs[0] = 1;
        advance(Duration.ofSeconds(5));
        engine.evaluate();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).title()).isEqualTo("Resolved: QuantdeskMarketDataStale");
        assertThat(sent.get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(engine.active(false)).extracting(a -> a.labels().get("symbol")).containsExactly("INFY");

        List<AlertHistory.Entry> rows = history.recent(10);
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(AlertHistory.Entry::rule).containsOnly("QuantdeskMarketDataStale");
        assertThat(rows).filteredOn(r -> r.labels().equals("{symbol=TCS}")).singleElement()
                .satisfies(r -> {
                    assertThat(r.firedAt()).isEqualTo(T0.plusSeconds(30).toString());
                    assertThat(r.resolvedAt()).isEqualTo(T0.plusSeconds(30 + 60 + 5).toString());
                });
        assertThat(rows).filteredOn(r -> r.labels().equals("{symbol=INFY}")).singleElement()
                .satisfies(r -> assertThat(r.resolvedAt()).isNull());
        assertThat(audited).extracting(AuditEntry::action).containsExactly("alert.fired", "alert.fired",
                "alert.resolved");

        // Out of session the rule does not hold: INFY resolves too.
        open[0] = 0;
        advance(Duration.ofSeconds(5));
        engine.evaluate();
        assertThat(engine.active(true)).isEmpty();
        assertThat(registry.get("quantdesk.alerts.active").tag("severity", "warning").gauge().value()).isZero();
    }

    @Test
    void aFiringAlertIsRepeatedUntilAcknowledgedAndTheAcknowledgementIsKept() {
        AlertEngine engine = engine(TestDatabase::sqlite);
        double[] kill = gauge(registry, "quantdesk.account.kill.switch", "account", "acc");
        kill[0] = 1;
        engine.evaluate();
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("QuantdeskKillSwitchActive");
            assertThat(n.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(n.account()).isEqualTo("acc");
            assertThat(n.message()).isEqualTo("the kill switch holds account acc halted — runbook: "
                    + "docs/runbooks/incident-response.md");
        });
        advance(Duration.ofHours(4));
        engine.evaluate();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).title()).isEqualTo("Still firing: QuantdeskKillSwitchActive");
        assertThat(sent.get(1).key()).isNotEqualTo(sent.getFirst().key());

        String id = engine.active(false).getFirst().id();
        assertThat(engine.acknowledge("no-such-alert", "risk1")).isFalse();
        assertThat(engine.acknowledge(id, "risk1")).isTrue();
        advance(Duration.ofHours(4));
        engine.evaluate();
        assertThat(sent).hasSize(2);
        assertThat(engine.active(false).getFirst().ackedBy()).isEqualTo("risk1");
        assertThat(history.recent(1).getFirst().ackedBy()).isEqualTo("risk1");
        assertThat(history.recent(1).getFirst().ackedAt()).isEqualTo(T0.plus(Duration.ofHours(4)).toString());
        assertThat(audited).extracting(AuditEntry::action).containsExactly("alert.fired", "alert.acknowledged");
        assertThat(audited.get(1).actor()).isEqualTo("risk1");
    }

    @Test
    void rejectsAbovePercentOfSubmissionsOverFiveMinutesFireAfterTwoMinutes() {
        AlertEngine engine = engine(TestDatabase::sqlite);
        Counter submitted = Counter.builder("quantdesk.orders").tag("outcome", "submitted").register(registry);
        Counter rejected = Counter.builder("quantdesk.orders").tag("outcome", "rejected").register(registry);
        for (int minute = 0; minute <= 5; minute++) {
            submitted.increment(100);
            rejected.increment(minute < 2 ? 0 : 2);
            engine.evaluate();
            advance(Duration.ofMinutes(1));
        }
        // Minute 2: 2 of 200 (1%, not above); minute 3: 4 of 300 (pending); minute 5, held two minutes: 8 of 500.
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("QuantdeskOrderRejectRateHigh");
            assertThat(n.message()).startsWith("8 of 500 orders (1.6%) were rejected in 5 minutes");
        });
    }

    @Test
    void theEnginesOwnRiskAlertsAreNotifiedAsTheyHappen() {
        AlertEngine engine = engine(TestDatabase::sqlite);
        engine.onEvent(new RiskAlert(41, T0, AccountId.of("acc"), BotId.NONE, 0, "RISK_MAX_DAILY_LOSS",
                "daily loss 10,100.00 beyond 10,000.00"));
        assertThat(sent).singleElement().isEqualTo(new Notification("engine:41", Severity.CRITICAL, "acc",
                "RISK_MAX_DAILY_LOSS", "RISK_MAX_DAILY_LOSS on acc", "daily loss 10,100.00 beyond 10,000.00", T0));
    }
}
