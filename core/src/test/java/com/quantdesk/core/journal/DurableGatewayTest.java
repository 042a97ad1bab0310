package com.quantdesk.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DurableGatewayTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final Symbol INFY = Symbol.of("INFY");

    /** A journal whose commits the test completes by hand. */
    private static final class HandJournal implements EventJournal {
        final List<Event> appended = new ArrayList<>();
        final Map<Long, CompletableFuture<Void>> futures = new HashMap<>();
        boolean healthy = true;

        final List<List<Event>> steps = new ArrayList<>();

        @Override
        public void appendStep(List<Event> step) {
            steps.add(List.copyOf(step));
            appended.addAll(step);
        }

        @Override
        public CompletableFuture<Void> durable(long sequence) {
            return futures.computeIfAbsent(sequence, s -> new CompletableFuture<>());
        }

        @Override
        public boolean isHealthy() {
            return healthy;
        }

        @Override
        public long lastSequence() {
            return 0;
        }

        @Override
        public void replay(Consumer<Event> sink) {
        }

        @Override
        public void close() {
        }
    }

    private final HandJournal journal = new HandJournal();
    private final RecordingGateway venue = RecordingGateway.autoAccepting();
    private final Queue<Runnable> engineThread = new ArrayDeque<>();
    private final List<Event> events = new ArrayList<>();
    private TradingEngine engine;
    private DurableGateway gateway;
    private long nanos;

    @BeforeEach
    void setUp() {
        gateway = new DurableGateway(venue, journal, engineThread::add, Duration.ofSeconds(2), () -> nanos);
        engine = new TradingEngine(new ManualClock(Instant.parse("2026-01-05T04:30:00Z")), gateway,
                s -> Optional.of(Instrument.nseEquity(s.value(), 5, "x")));
        engine.addListener(new JournalFeed(journal));
        engine.addListener(gateway);
        engine.addListener(events::add);
        engine.addPreTradeCheck(new JournalHealthCheck(journal));
        engine.openAccount(ACC, 1_000_000_00L);
    }

    private CommandResult buy() {
        return engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY, 1, Product.MIS)));
    }

    private void runEngineThread() {
        Runnable task;
        while ((task = engineThread.poll()) != null) {
            task.run();
        }
    }

    @Test
    void anOrderLeavesOnlyOnceItsSubmissionIsDurable() {
        OrderId id = buy().orderId().orElseThrow();
        assertThat(journal.appended).singleElement().extracting(Event::sequence).isEqualTo(1L);
        assertThat(venue.submitted()).isEmpty();

        journal.durable(1).complete(null);
        assertThat(venue.submitted()).isEmpty(); // completion hops to the engine thread first
        runEngineThread();
        assertThat(venue.submitted()).extracting(o -> o.id()).containsExactly(id);
        assertThat(gateway.waitingOrders()).isZero();
    }

    @Test
    void anOrderCancelledWhileWaitingIsNeverSent() {
        OrderId id = buy().orderId().orElseThrow();
        engine.execute(new CancelOrder(id, "changed my mind"));
        journal.durable(1).complete(null);
        runEngineThread();
        assertThat(venue.submitted()).isEmpty();
        assertThat(events).filteredOn(OrderCancelled.class::isInstance).singleElement()
                .extracting(e -> ((OrderCancelled) e).reason()).isEqualTo("changed my mind");
    }

    @Test
    void anOrderTheJournalCannotRecordIsRejectedNotSent() {
        OrderId id = buy().orderId().orElseThrow();
        journal.durable(1).completeExceptionally(new IllegalStateException("disk full"));
        runEngineThread();
        assertThat(venue.submitted()).isEmpty();
        assertThat(events).filteredOn(OrderRejected.class::isInstance).singleElement().satisfies(e -> {
            assertThat(((OrderRejected) e).orderId()).isEqualTo(id);
            assertThat(((OrderRejected) e).reasonCode()).isEqualTo("ORDER_NOT_DURABLE");
        });
    }

    @Test
    void newOrdersAreRefusedWhileTheJournalIsUnhealthyAndAcceptedAgainAfter() {
        journal.healthy = false;
        assertThat(buy().reasonCode()).isEqualTo("ORDER_JOURNAL_UNAVAILABLE");
        journal.healthy = true;
        assertThat(buy().accepted()).isTrue();
    }

    @Test
    void anOrderDurableOnlyAfterTheDeadlineIsRejectedUnsent() {
        OrderId id = buy().orderId().orElseThrow();
        nanos += Duration.ofMillis(2_001).toNanos();
        journal.durable(1).complete(null);
        runEngineThread();
        assertThat(venue.submitted()).isEmpty();
        assertThat(events).filteredOn(OrderRejected.class::isInstance).singleElement().satisfies(e -> {
            assertThat(((OrderRejected) e).orderId()).isEqualTo(id);
            assertThat(((OrderRejected) e).reasonCode()).isEqualTo("ORDER_DURABILITY_TIMEOUT");
        });
    }

    @Test
    void anOrderDurableJustWithinTheDeadlineLeaves() {
        OrderId id = buy().orderId().orElseThrow();
        nanos += Duration.ofSeconds(2).toNanos();
        journal.durable(1).complete(null);
        runEngineThread();
        assertThat(venue.submitted()).extracting(o -> o.id()).containsExactly(id);
    }

    @Test
    void theSweepRejectsAnOrderStillHeldAfterTheDeadlineEvenIfItsCommitNeverComes() {
        OrderId held = buy().orderId().orElseThrow();
        nanos += Duration.ofMillis(1_500).toNanos();
        OrderId younger = buy().orderId().orElseThrow();
        nanos += Duration.ofMillis(600).toNanos();
        gateway.expireHeld();
        assertThat(gateway.waitingOrders()).isEqualTo(1);
        assertThat(events).filteredOn(OrderRejected.class::isInstance).extracting(e -> ((OrderRejected) e).orderId())
                .containsExactly(held);
        // The commit arriving later changes nothing for the expired order; the younger one still leaves.
        journal.durable(1).complete(null);
        journal.durable(2).complete(null);
        runEngineThread();
        assertThat(venue.submitted()).extracting(o -> o.id()).containsExactly(younger);
    }

    @Test
    void eachCommandIsOneStepForTheJournal() {
        buy();
        engine.execute(new CancelOrder(OrderId.of(1), "x"));
        assertThat(journal.steps).extracting(List::size).containsExactly(1, 2);
    }
}
