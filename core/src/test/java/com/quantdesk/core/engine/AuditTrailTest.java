package com.quantdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.RecordAudit;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.AuditRecorded;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.journal.JournalFeed;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.testing.StepRecorder;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An audited command and its audit record are one engine step: the journal gets both or neither. */
class AuditTrailTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final Symbol INFY = Symbol.of("INFY");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T04:30:00Z"));
    private final List<List<Event>> steps = new ArrayList<>();
    private TradingEngine engine;

    @BeforeEach
    void setUp() {
        // The venue answers later, in steps of its own.
        engine = new TradingEngine(clock, new RecordingGateway(),
                s -> Optional.of(Instrument.nseEquity(s.value(), 5, "IT")));
        engine.attachRisk(new RiskEngine(RiskLimits.defaults().with("maxOrderValue", "100000")
                .with("enforceMarketHours", "false")));
        engine.addListener(new JournalFeed(new StepRecorder(steps)));
        engine.openAccount(ACC, 10_00_000_00L);
        engine.start();
        clock.advance(Duration.ofMinutes(1));
        engine.onBar(new Bar(INFY, clock.instant(), 1_500_00, 1_500_00, 1_500_00, 1_500_00, 10_000));
        steps.clear();
    }

    private static Function<CommandResult, AuditEntry> audit(String action) {
        return result -> new AuditEntry("asha", "TRADER", ACC, action, "", result.accepted() ? "ok"
                : "refused " + result.reasonCode(), "10.0.0.7", "c-1", "");
    }

    @Test
    void anAcceptedOrderAndItsAuditRecordAreOneStepCausedByTheOrder() {
        CommandResult result = engine.execute(new SubmitOrder(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 2,
                1_490_00, Product.CNC)), audit("order.place"));

        assertThat(result.accepted()).isTrue();
        assertThat(steps).hasSize(1);
        List<Event> step = steps.getFirst();
        assertThat(step).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrderSubmitted", "AuditRecorded");
        OrderSubmitted submitted = (OrderSubmitted) step.get(0);
        AuditRecorded audit = (AuditRecorded) step.get(1);
        assertThat(audit.sequence()).isEqualTo(submitted.sequence() + 1);
        assertThat(audit.causationId()).isEqualTo(submitted.order().id().value());
        assertThat(audit.account()).isEqualTo(ACC);
        assertThat(audit.entry().outcome()).isEqualTo("ok");
        assertThat(audit.entry().action()).isEqualTo("order.place");
    }

    @Test
    void aDeniedOrderIsAuditedWithItsReasonInTheSameStep() {
        CommandResult result = engine.execute(new SubmitOrder(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 100,
                1_490_00, Product.CNC)), audit("order.place"));

        assertThat(result.accepted()).isFalse();
        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.get(0)).isInstanceOf(OrderDenied.class);
            assertThat(((AuditRecorded) step.get(1)).entry().outcome()).isEqualTo("refused RISK_MAX_ORDER_VALUE");
        });
    }

    @Test
    void aCancelIsAuditedAfterItsRequestAndARecordedAuditIsAStepOfItsOwn() {
        long id = engine.execute(new SubmitOrder(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 2, 1_490_00,
                Product.CNC))).orderId().orElseThrow().value();
        steps.clear();

        engine.execute(new CancelOrder(com.quantdesk.core.domain.OrderId.of(id), "changed my mind"),
                audit("order.cancel"));
        engine.execute(new RecordAudit(new AuditEntry("mallory", "", AccountId.SYSTEM, "auth.login", "", "bad password",
                "10.0.0.9", "c-2", "")));

        assertThat(steps).hasSize(2);
        // This venue confirms a cancel at once: its answer is queued work of the same step.
        assertThat(steps.get(0)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrderCancelRequested", "AuditRecorded", "OrderCancelled");
        assertThat(steps.get(0).get(1)).isInstanceOfSatisfying(AuditRecorded.class,
                a -> assertThat(a.causationId()).isEqualTo(id));
        assertThat(steps.get(1)).singleElement().isInstanceOfSatisfying(AuditRecorded.class, a -> {
            assertThat(a.entry().actor()).isEqualTo("mallory");
            assertThat(a.account()).isEqualTo(AccountId.SYSTEM);
        });
    }
}
